import type { OutlineItem } from "./rendered.js";

// Top-level headings (h2, h3) with an id, and block placeholders, in the order the body has them.
const OUTLINE = /<h([23])\b[^>]*?\sid="([^"]*)"|<!--gekkan-block:(\d+)-->/g;

/**
 * The outline of a body's finished HTML: its h2 and h3 headings (by id) and
 * its block placeholders, in document order. Kept with the body when the
 * issue is rendered, so a table of contents needs only this, not the HTML:
 * a build that reuses thousands of issues then decodes no body it does not
 * show.
 */
export function bodyOutline(html: string): OutlineItem[] {
  const outline: OutlineItem[] = [];
  for (const [, depth, rawId, blockIndex] of html.matchAll(OUTLINE)) {
    if (blockIndex !== undefined) outline.push({ block: Number(blockIndex) });
    else outline.push({ depth: depth === "2" ? 2 : 3, id: unescapeId(rawId ?? "") });
  }
  return outline;
}

/** hast-util-to-html writes "&" and '"' in attribute values as character references. */
function unescapeId(value: string): string {
  return value.replace(/&#x([0-9a-f]+);|&#(\d+);|&amp;|&quot;/gi, (whole, hex?: string, dec?: string) =>
    hex !== undefined ? String.fromCodePoint(parseInt(hex, 16)) : dec !== undefined ? String.fromCodePoint(Number(dec)) : whole === "&amp;" ? "&" : "\"",
  );
}
