import type { Site, SiteIssue } from "../site/model.js";
import type { RenderEnv } from "../render/pages.js";
import { EmailMemo, type EmailBytes } from "./email-memo.js";
import { emailSource, finishEmail, type EmailSource } from "./render-email.js";

/** finishEmail as the bytes the build writes. */
export function finishBytes(source: EmailSource): EmailBytes {
  const finished = finishEmail(source);
  return { html: Buffer.from(finished.html, "utf8"), text: Buffer.from(finished.text, "utf8") };
}

/** Where an issue's email files go: beside its page. */
export function emailPaths(route: string): { html: string; text: string } {
  return { html: `${route}email.html`, text: `${route}email.txt` };
}

/**
 * One memo per process: `gekkan dev` rebuilds in the same process, and an
 * unchanged issue then skips inlining. A one-off build gains nothing and
 * loses nothing (see EmailMemo for why a hit is always exact).
 */
const processMemo = new EmailMemo();

/**
 * `email.html` and `email.txt` beside every issue page of the site (the
 * site holds published issues only, unless the build asked for drafts),
 * unless the config says `"email": { "files": false }`.
 * `bodies` are the issue bodies the pages were rendered with.
 */
export function emailFiles(site: Site, env: RenderEnv, bodies: ReadonlyMap<SiteIssue, string>, memo: EmailMemo = processMemo): Array<[string, Uint8Array]> {
  memo.nextBuild();
  const files: Array<[string, Uint8Array]> = [];
  if (!env.config.email.files) return files;
  for (const entry of site.issues) {
    const email = memo.get(emailSource(entry, env, bodies.get(entry) ?? ""), finishBytes);
    const paths = emailPaths(entry.route);
    files.push([paths.html, email.html], [paths.text, email.text]);
  }
  return files;
}
