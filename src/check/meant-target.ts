import { posix } from "node:path";
import { monthSlug } from "../content/issue.js";
import type { SiteIssue } from "../site/model.js";
import { issueRouteParts, languageRoutes, routeUrl } from "../site/urls.js";
import { isRootRelative } from "../markdown/plugins/rehype-base-path.js";
import { isFullUrl, judgeLink, outputUrl, type LinkSite } from "./link-target.js";
import { safeDecode } from "../percent-decode.js";
import { slashedPath } from "../markdown/backslash-path.js";
import type { HeldIssue } from "./held-addresses.js";

/**
 * What a broken link in an issue was plainly meant to be, when how it is
 * written says so better than the nearest spelling does (which offered
 * `email.html` for `index.md`, the nearest file name, though a page was meant):
 *
 * - `issue-page`: the link names an issue's Markdown source (`2011-05.md`,
 *   `../2011/2011-05.md`, the habit from reading the repository on GitHub);
 *   `path` is that issue's page.
 * - `page`: a `.md` address whose page exists (`/issues/2011-05/index.md`,
 *   `/issues/2011-05.md` → `/issues/2011-05/`).
 * - `from-root`: a relative address that lands on nothing, but names a file
 *   published from the site root (`images/pic.png` for public/images/pic.png).
 *
 * - `moved`: the link names the month address (`/issues/2011-04/`) of an
 *   issue that sets a slug of its own, and so lives elsewhere: most likely
 *   the slug was set after the link was written (`path` is its page now).
 *
 * - `base-path`: a root-relative link written with the site's base path
 *   (`/repo/issues/x/`), which the build adds again; `path` is what it names
 *   with the base path once. The nearest page by spelling was another
 *   (`/en/issues/x/` is nearer to `/repo/repo/issues/x/` than `/repo/issues/x/`).
 *
 * - `held`: the link names the page (or an alias) of an issue that is not
 *   out yet (a draft, scheduled, a translation of either): it is broken only
 *   on the site as published (`path` is the page linked).
 *
 * - `issue-number`: the link names an issue by its number (`/issues/1/`,
 *   `/en/issues/1/`), which no issue's address is; `path` is the page of the
 *   issue of that number in the edition the link asks for. By spelling, it
 *   was near no page, and nothing was offered.
 *
 * Every `path` is a public path (base path included), with the link's #fragment
 * when the page has it (withRest).
 */
export type MeantTarget =
  | { kind: "issue-page" | "page" | "from-root" | "base-path" | "backslash"; path: string }
  | { kind: "moved"; path: string; file: string; slug: string; month: string; slugFile?: string | undefined }
  | { kind: "issue-number"; path: string; number: number }
  | { kind: "held"; path: string; held: HeldIssue };

/** Addresses that name an issue though nothing is published there, as public paths: its month before it set a slug (`moved`), its number (`numbered`), its page while it is held back (`held`, held-addresses.ts). */
export interface IssueAddresses {
  moved?: ReadonlyMap<string, SiteIssue>;
  numbered?: ReadonlyMap<string, SiteIssue>;
  held?: ReadonlyMap<string, HeldIssue>;
}

/** Each issue's month address (public path) when its slug is another: where it was before a slug was set. */
export function monthAddresses(issues: readonly SiteIssue[], basePath: string): Map<string, SiteIssue> {
  const moved = issues.flatMap((entry): Array<[string, SiteIssue]> => {
    const month = monthSlug(entry.issue.date);
    return entry.slug === month ? [] : [[routeUrl(basePath, languageRoutes(issueRouteParts(entry.route).folder).issue(month)), entry]];
  });
  return new Map(moved);
}

/**
 * The file whose `slug:` gives an issue its address, when it is not the
 * issue's own: a translation without a slug of its own takes its original's
 * (site/collect.ts), and the alias that keeps its old address goes there
 * too. Advice named the translation as setting the slug, and sent the alias
 * to a file that sets none.
 */
export function slugFileOf(entry: SiteIssue): string | undefined {
  const original = entry.versions[0];
  return entry.issue.slugGiven || original === undefined || original === entry ? undefined : original.issue.file;
}

/** Each issue's address by its number in its own edition (`/issues/1/`, `/en/issues/1/`), as a public path, with the issue. */
export function numberAddresses(issues: readonly SiteIssue[], basePath: string): Map<string, SiteIssue> {
  return new Map(issues.map((entry): [string, SiteIssue] => [routeUrl(basePath, languageRoutes(issueRouteParts(entry.route).folder).issue(String(entry.issue.number))), entry]));
}

/** Each issue's public page by its source file (as diagnostics name it), by the site's own route of the issue. */
export function pagesBySource(issues: readonly SiteIssue[], basePath: string): Map<string, string> {
  return new Map(issues.map((entry) => [entry.issue.file, routeUrl(basePath, entry.route)]));
}

/**
 * `written` is the link as the author wrote it (no base path), `url` as the
 * page holds it, `source` the issue's file, `from` its page's output path.
 */
export function meantTarget(site: LinkSite, pages: ReadonlyMap<string, string>, link: { written: string; url: string; source: string; from: string }, addresses: IssueAddresses = {}): MeantTarget | undefined {
  if (isFullUrl(link.written)) return undefined;
  const hashAt = link.written.search(/[?#]/);
  const path = safeDecode(hashAt === -1 ? link.written : link.written.slice(0, hashAt));
  const rest = hashAt === -1 ? "" : link.written.slice(hashAt);
  const landing = safeDecode(new URL(link.url, site.origin + outputUrl(site.basePath, link.from)).pathname);
  const asPage = landing.endsWith("/") ? landing : `${landing}/`;
  const held = addresses.held?.get(asPage);
  if (held !== undefined) return { kind: "held", path: asPage, held };
  const entry = addresses.moved?.get(asPage);
  if (entry !== undefined) return { kind: "moved", path: withRest(site, routeUrl(site.basePath, entry.route), rest), file: entry.issue.file, slug: entry.slug, month: monthSlug(entry.issue.date), slugFile: slugFileOf(entry) };
  const numbered = addresses.numbered?.get(asPage);
  if (numbered !== undefined) return { kind: "issue-number", path: withRest(site, routeUrl(site.basePath, numbered.route), rest), number: numbered.issue.number };
  const once = baseWrittenTwice(site, link.written);
  if (once !== undefined) return { kind: "base-path", path: once };
  const slashed = withSlashes(site, link.written, link.from);
  if (slashed !== undefined) return { kind: "backslash", path: slashed };
  if (/\.md$/i.test(path)) {
    // A file path, read from the issue's own folder, or from the site's folder when written from the root.
    const file = isRootRelative(path) ? posix.normalize(path.slice(1)) : posix.join(posix.dirname(link.source), path);
    const page = pages.get(file);
    if (page !== undefined) return { kind: "issue-page", path: withRest(site, page, rest) };
    const resolved = new URL(link.url, site.origin + outputUrl(site.basePath, link.from)).pathname;
    const folder = resolved.replace(/(?:\/index)?\.md$/i, "/");
    if (exists(site, folder)) return { kind: "page", path: withRest(site, folder, rest) };
    return undefined;
  }
  if (isRootRelative(path)) return undefined;
  const fromRoot = new URL(link.written, site.origin + site.basePath);
  return exists(site, fromRoot.pathname) ? { kind: "from-root", path: withRest(site, fromRoot.pathname, fromRoot.search + fromRoot.hash) } : undefined;
}

/**
 * What a link written with a Windows folder path's separators names with
 * slashes, when the site has that file: `\images\zu.png`, or `¥images¥zu.png`
 * as a Japanese keyboard shows the backslash. A browser takes neither for a
 * folder, and the message offered to put the file at public/issues/…/\images\….
 */
function withSlashes(site: LinkSite, written: string, from: string): string | undefined {
  const slashed = slashedPath(written);
  if (slashed === written) return undefined;
  // From the root as gekkan writes it (the base path added), else from the issue's page.
  const target = isRootRelative(slashed) ? new URL(`.${slashed}`, site.origin + site.basePath) : new URL(slashed, site.origin + outputUrl(site.basePath, from));
  return exists(site, target.pathname) ? withRest(site, target.pathname, target.search + target.hash) : undefined;
}

/** What a root-relative link written with the base path names once it is there once, when the site has that file. */
function baseWrittenTwice(site: LinkSite, written: string): string | undefined {
  if (site.basePath === "/" || !isRootRelative(written) || !written.startsWith(site.basePath)) return undefined;
  const once = new URL(written, site.origin);
  return exists(site, once.pathname) ? withRest(site, once.pathname, once.search + once.hash) : undefined;
}

/**
 * A suggested `path` with the link's `?…#…`, but its #fragment only when the
 * page has that id: a pasted fix broken again at its #見出し fixed nothing,
 * while the bare page is a fix, the fragment to be chosen there.
 */
function withRest(site: LinkSite, path: string, rest: string): string {
  if (rest === "" || exists(site, path + rest)) return path + rest;
  return path + rest.replace(/#.*$/, "");
}

/** By the link checker's own rule of what lands on a published file. */
function exists(site: LinkSite, path: string): boolean {
  // "ok" only: a path above the base path is "external" to the checker, and no file of this site.
  return judgeLink(site, "index.html", path).kind === "ok";
}
