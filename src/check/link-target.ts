import type { OutputSet } from "../write/output.js";
import { fileRoute, linkedPath, servedFile } from "../site/urls.js";
import { asWritten, isRootRelative, readable } from "../markdown/plugins/rehype-base-path.js";
import { hasScheme } from "../url-scheme.js";
import { safeDecode } from "../percent-decode.js";

/** Site facts link checking needs: where the site lives and what it contains. */
export interface LinkSite {
  origin: string;
  basePath: string;
  output: OutputSet;
  /** Each translation's public prefix (`/en/`): a broken link is offered a page of the edition it asks for first (nearest-page.ts). */
  editions?: readonly string[] | undefined;
  /** Ids on a generated HTML page (computed lazily, once per page). */
  idsOf: (path: string) => Set<string>;
  /** The ids of a generated HTML page's headings, in page order: offered when a broken anchor is near none of its ids. */
  headingsOf?: ((path: string) => readonly string[]) | undefined;
  /**
   * The page an old-address page (front matter `aliases`) leads to, by output
   * path: it carries the link's #fragment on, so the fragment is the issue
   * page's to have. Undefined for every other file.
   */
  leadsTo?: ((path: string) => string | undefined) | undefined;
  /**
   * Each address an issue had before it set a slug (its month, an alias), as
   * a public path, with the page now: a near miss of one is offered
   * that page, not an old address or nothing (nearest-page.ts).
   */
  formerAddresses?: ReadonlyMap<string, FormerAddress> | undefined;
}

/** What an old address of an issue leads a broken link's advice to. */
export interface FormerAddress {
  /** The page now, a public path. */
  page: string;
  number: number;
  file: string;
  slug: string;
  /** The file whose `slug:` the address comes from, when not `file`'s own: the original of a translation that takes its address from it. */
  slugFile?: string | undefined;
}

export type LinkVerdict =
  | { kind: "external" }
  | { kind: "ok" }
  | { kind: "missing"; path: string }
  | { kind: "anchor"; path: string; fragment: string; /** The output file the link lands on. */ file: string };

/** The public URL of an output file: "issues/x/index.html" → "/issues/x/". */
export function outputUrl(basePath: string, path: string): string {
  return basePath + fileRoute(path);
}

/**
 * Resolves `url` as written on the page at output path `from` and says
 * whether it lands on a file of the site (and on an existing #fragment).
 * Anything outside the site's origin and base path is not ours to judge.
 */
export function judgeLink(site: LinkSite, from: string, url: string): LinkVerdict {
  if (url === "" || url === "#") return { kind: "ok" };
  const linked = linkedPath(site, outputUrl(site.basePath, from), url);
  if (linked.kind === "external") return linked;
  if (linked.kind === "unreadable") return { kind: "missing", path: linked.path };
  const target = linked.url;
  const found = servedFile(linked.path, (file) => site.output.has(file));
  if (found === undefined) return { kind: "missing", path: target.pathname };
  const fragment = target.hash.length > 1 ? safeDecode(target.hash.slice(1)) : undefined;
  const lands = site.leadsTo?.(found) ?? found;
  if (fragment !== undefined && lands.endsWith(".html") && !site.idsOf(lands).has(fragment) && !isTopOfPage(fragment)) {
    return { kind: "anchor", path: outputUrl(site.basePath, lands), fragment, file: lands };
  }
  return { kind: "ok" };
}

/**
 * "top", in any ASCII case, is a fragment every page has: the HTML standard
 * takes a browser to the top of the document when no element has that id,
 * so the "back to top" link authors write (`[上へ](#top)`) works as it is.
 */
function isTopOfPage(fragment: string): boolean {
  return /^top$/i.test(fragment);
}

/**
 * A public path (`/base/issues/x/`) in the form `written` has, as the author
 * would write it on the page at public URL `from`: a full URL for a full URL,
 * site-root-relative (without the base path, which the build adds) for a
 * root-relative link, and relative to the page for a relative one.
 */
export function inWrittenForm(written: string, path: string, from: string, site: Pick<LinkSite, "origin" | "basePath">): string {
  if (hasScheme(written)) return new URL(path, site.origin).href;
  if (written.startsWith("//")) return new URL(path, site.origin).href.slice(new URL(site.origin).protocol.length);
  if (isRootRelative(written)) return asWritten(site.basePath, path);
  return relativePath(from, path);
}

/** `to` relative to the folder of the page at `from` (both absolute paths): "/a/b/" → "/a/c/" is "../c/". */
export function relativePath(from: string, to: string): string {
  const folder = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < folder.length && common < target.length - 1 && folder[common] === target[common]) common++;
  const path = "../".repeat(folder.length - common) + target.slice(common).join("/");
  return path === "" ? "./" : path;
}

/**
 * A link as a message quotes it: as the file's text has it (`inText`, by
 * default `written`), so that searching the file finds it, and, when that
 * text reads as another address, what it reads as too: its letters that are
 * not ASCII unescaped (`#%E8%A6%8B…` is "#見…"), its references and escapes
 * read (`/x&amp;y` is "/x&y"). Quoted decoded only, the link was nowhere in
 * the file.
 */
export function quotedLink(written: string, inText = written): string {
  const reads = readable(written);
  return reads === inText ? `"${inText}"` : `"${inText}" (that is "${reads}")`;
}

/**
 * How to write a suggestion (an address, an #anchor) the way `written` is:
 * %-escaped when the author escaped the letters that are not ASCII and typed
 * none, so the suggestion can be pasted over the broken link as it stands.
 */
export function inWrittenSpelling(written: string): (suggestion: string) => string {
  if (readable(written) === written || /[^\x00-\x7f]/u.test(written)) return (suggestion) => suggestion;
  // Escaped as the Markdown stage escapes them, UTF-8 bytes in upper case; a lone surrogate has no escape and stays.
  return (suggestion) => suggestion.replace(/[^\x00-\x7f]+/gu, (run) => (run.isWellFormed() ? encodeURIComponent(run) : run));
}

/** An address that leads to the same place from every page: root-relative (`/x/`, `//host/…`) or with a scheme; any other resolves against the page it is on. */
export function isSiteAbsolute(url: string): boolean {
  return url.startsWith("/") || hasScheme(url);
}

/** A full URL (`https://…`) or a scheme-relative one (`//host/…`): written with the host, so with the base path too. */
export function isFullUrl(url: string): boolean {
  return hasScheme(url) || url.startsWith("//");
}
