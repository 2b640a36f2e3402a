import type { RedirectsHost, SiteConfig } from "../config.js";
import { escapeXml } from "../escape.js";
import type { SiteIssue } from "./model.js";
import { routeUrl, siteUrl } from "./urls.js";

/**
 * The page at an issue's old address (front matter `aliases`), as Hugo and
 * jekyll-redirect-from write one: it sends the reader on to the issue at
 * once, keeping the `#heading` of the link they followed (an earlier email's
 * link to a section), names the issue's address as canonical so search
 * engines move its rank, and stays out of their index. Shown for the
 * moment before the refresh, it is laid out as the site's pages are. A static host cannot
 * send a 301, so this is what the old link can do.
 */
export function redirectPage(entry: SiteIssue, config: SiteConfig): string {
  const href = routeUrl(config.basePath, entry.route);
  const canonical = siteUrl(config, entry.route);
  // In a script string: "</script>" or a line separator in the base path must not end or break it.
  const script = JSON.stringify(href).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return [
    "<!doctype html>",
    `<html lang="${escapeXml(entry.issue.lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    // As the site's pages have them (layouts/base.liquid): shown for a moment, it must not be a desktop-wide page on a phone, nor a white flash in dark mode.
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeXml(entry.issue.title)}</title>`,
    `<link rel="canonical" href="${escapeXml(canonical)}">`,
    '<meta name="robots" content="noindex">',
    `<meta http-equiv="refresh" content="0; url=${escapeXml(href)}">`,
    `<script>location.replace(${script} + location.hash)</script>`,
    "</head>",
    `<body><p><a href="${escapeXml(href)}">${escapeXml(entry.issue.title)}</a></p></body>`,
    "</html>",
    "",
  ].join("\n");
}

/** An alias's move: its old address, the issue's address now, and the issue (both addresses with the base path, as every link has it). */
export interface AliasMove {
  from: string;
  to: string;
  entry: SiteIssue;
}

/** Every alias's move, in order of the old address (the order of the lines in `_redirects`). */
export function aliasMoves(entries: ReadonlyArray<SiteIssue>, config: SiteConfig): AliasMove[] {
  const moves = entries.flatMap((entry) => entry.aliases.map((alias) => ({ from: routeUrl(config.basePath, alias), to: routeUrl(config.basePath, entry.route), entry })));
  return moves.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * The `_redirects` file (config `redirects`): a line `old new code` for each
 * alias, so the host answers the old address with a real 301, which search
 * engines and feed readers take as a move. Each host's form: Netlify skips a
 * rule where a file is (the alias page above is one) unless it is forced
 * with "!"; Cloudflare Pages applies its rules before any file, and ignores
 * a line whose code is not a plain number such as "301!". Both paths carry
 * the base path, as every link does; lines in order of the old address.
 *
 * `own`: the author's own public/_redirects, put first byte for byte. Both
 * hosts apply the first rule that matches, so the author's rules win over
 * gekkan's, as the rules of someone moving a site here (old blog paths, a
 * short link) should; a rule of theirs for an alias's address is warned of
 * (redirect-overlap.ts), and so is one that hides a page of the site
 * (redirect-hidden-pages.ts).
 */
export function redirectsFile(entries: ReadonlyArray<SiteIssue>, config: SiteConfig, host: RedirectsHost, own?: Buffer): Buffer {
  const code = host === "netlify" ? "301!" : "301";
  const lines = aliasMoves(entries, config).map(({ from, to }) => `${from} ${to} ${code}\n`);
  const ours = Buffer.from(`# Written by gekkan build (config "redirects": "${host}"): the old address of each issue (front matter aliases) moved to its address now.\n${lines.join("")}`);
  if (own === undefined || own.length === 0) return ours;
  // A last line without its newline would run into gekkan's first.
  const ended = own.at(-1) === 0x0a ? own : Buffer.concat([own, Buffer.from("\n")]);
  return Buffer.concat([ended, ours]);
}
