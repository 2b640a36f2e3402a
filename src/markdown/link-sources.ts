import type { Element } from "hast";
import type { VFile } from "vfile";
import type { LinkSource } from "./rendered.js";

/*
 * Where a link's source (its address as written, the definition it came
 * from) is kept between the Markdown and HTML plugins that find it
 * (remark-link-sources, rehype-raw-html) and the one that puts it on the
 * page's links (rehype-collect), and how an element names its address.
 */

/** Where the sources land in `file.data`, by where each link starts (rehype-collect puts them on the body's links). */
export const LINK_SOURCES = "gekkanLinkSources";

/** A link's start in the file, as its element on the page keeps it: the key that joins the two. */
export function placeKey(place: { line: number; column: number }): string {
  return `${place.line}:${place.column}`;
}

/** The attribute that holds the address a page's element links to or shows (`<a href>`, `<img src>`): what `gekkan check` checks. */
export function linkAttribute(node: Element): "href" | "src" | undefined {
  return node.tagName === "a" ? "href" : node.tagName === "img" ? "src" : undefined;
}

/** The address in an element's linkAttribute, as the page has it. */
export function linkAddress(node: Element): string | undefined {
  const name = linkAttribute(node);
  const value = name === undefined ? undefined : node.properties[name];
  return typeof value === "string" ? value : undefined;
}

/** The sources of a file's links, kept by remark-link-sources (Markdown) and rehype-raw-html (raw HTML). */
export function linkSources(file: VFile): Map<string, LinkSource> {
  const data = file.data as Record<string, unknown>;
  const found = data[LINK_SOURCES];
  if (found instanceof Map) return found as Map<string, LinkSource>;
  const made = new Map<string, LinkSource>();
  data[LINK_SOURCES] = made;
  return made;
}
