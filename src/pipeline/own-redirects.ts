import { lstatSync } from "node:fs";
import { join } from "node:path";
import type { VFileMessage } from "vfile-message";
import { CONFIG_FILE, type RedirectsHost, type SiteConfig } from "../config.js";
import { readRegularFile } from "../regular-file.js";
import { cloudflareLimitErrors } from "../site/cloudflare-limits.js";
import { allIssues, type Site } from "../site/model.js";
import { fallbackWarnings } from "../site/redirect-fallback.js";
import { coverage, hiddenPageWarnings, type PublishedFiles } from "../site/redirect-hidden-pages.js";
import { ignoredRuleWarnings } from "../site/ignored-rules.js";
import { redirectOverlaps } from "../site/redirect-overlap.js";
import { redirectRules, type RedirectRule } from "../site/redirect-rules.js";
import { aliasMoves, redirectsFile } from "../site/redirects.js";
import { ROUTES } from "../site/urls.js";

const OWN = `public/${ROUTES.redirects}`;

/** The _redirects gekkan writes, what was said of it, and whether public/_redirects is in it (then it is not copied as well). */
export interface Redirects {
  bytes: Buffer;
  messages: VFileMessage[];
  merged: boolean;
  /** The author's rules that send readers away from a file the site publishes (redirect-hidden-pages.ts), that the host drops (ignored-rules.ts) or that hide its 404.html (redirect-fallback.ts), given the output's paths once every file is in: public/'s come last. */
  hidden: (paths: readonly string[]) => VFileMessage[];
}

/**
 * The _redirects file for config `redirects` (`host`): the author's own
 * public/_redirects first, if a plain file is there, then gekkan's rules
 * (redirects.ts). Anything but a readable file there (a link, a folder) is
 * left to the copy of public/, which reports it as it does elsewhere.
 */
export function siteRedirects(root: string, site: Site, config: SiteConfig, host: NonNullable<SiteConfig["redirects"]>): Redirects {
  const path = join(root, OWN);
  let own: Buffer | undefined;
  try {
    if (lstatSync(path).isFile()) own = readRegularFile(path);
  } catch {
    // Not there, or unreadable: the copy of public/ says so, in its words (public-files.ts).
    own = undefined;
  }
  const moves = aliasMoves(allIssues(site), config);
  const rules = own === undefined ? [] : redirectRules(own.toString("utf8"));
  const messages = redirectOverlaps(OWN, rules, moves, host);
  if (host === "cloudflare") {
    const setting = { file: config.file === "" ? CONFIG_FILE : config.file, place: config.redirectsPlace ?? { line: 1, column: 1 } };
    messages.push(...cloudflareLimitErrors({ own: own === undefined ? undefined : { file: OWN, rules }, gekkan: moves.length, config: setting }));
  }
  const hidden = (paths: readonly string[]) => ruleWarnings(rules, { paths, basePath: config.basePath, aliases: moves.map((move) => move.from) }, host);
  return { bytes: redirectsFile(allIssues(site), config, host, own), messages, merged: own !== undefined, hidden };
}

/** What is said of the author's rules as they meet the files the site publishes, in order of line, as the author reads the file. */
function ruleWarnings(rules: readonly RedirectRule[], published: PublishedFiles, host: RedirectsHost): VFileMessage[] {
  const covers = coverage(published);
  const warnings = [
    ...hiddenPageWarnings(OWN, rules, covers, host),
    ...ignoredRuleWarnings(OWN, rules, host, covers),
    ...fallbackWarnings(OWN, rules, published.paths, host),
  ];
  // A sort that keeps the order of two at one line.
  return warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
