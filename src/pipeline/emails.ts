import { emailPaths, finishBytes } from "../email/email-files.js";
import { emailSource } from "../email/render-email.js";
import { allIssues, type Site } from "../site/model.js";
import type { OutputSet } from "../write/output.js";
import { digest } from "../incremental/digest.js";
import { decodeFiles, encodeFiles } from "../incremental/file-set.js";
import type { PageRenderer } from "./render-pages.js";

/**
 * Stage: `email.html` and `email.txt` beside every issue page, in every
 * language (unless the config says `"email": { "files": false }`). An
 * issue's email shows only
 * that issue, so it is memoised beside the pages under the page
 * fingerprint (code, templates, config) and the issue's own content:
 * inlining the CSS happens once per issue, not once per build.
 */
export async function addEmails(output: OutputSet, site: Site, renderer: PageRenderer): Promise<void> {
  if (!renderer.env.config.email.files) return;
  for (const entry of allIssues(site)) {
    const paths = emailPaths(entry.route);
    const key = digest("gekkan-email-1", renderer.fingerprint, entry.route, JSON.stringify(entry.issue), renderer.token(entry));
    const files = await renderer.made(key, async () => {
      const email = finishBytes(emailSource(entry, renderer.env, await renderer.body(entry)));
      return encodeFiles([[paths.html, email.html], [paths.text, email.text]]);
    }, decodeFiles);
    for (const [path, content] of files) output.add(path, content, "gekkan", `${key}:${path}`);
  }
}
