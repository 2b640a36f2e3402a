import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import type { RenderedIssue } from "./render-issue.js";
import type { PlacedTag } from "../markdown/rendered.js";
import { droppedScheme, HREF_SCHEMES, schemeList, SRC_SCHEMES } from "../markdown/url-schemes.js";

/** Removed with what is inside them: their text is code, not prose. */
const WITH_CONTENT = new Set(["script", "style"]);

/** Other pages, media, forms and page-level tags: nothing of them can be kept. */
const EMBEDS = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "video", "audio", "canvas", "svg", "math", "form", "button", "select", "option", "link", "meta", "base"]);

/** What became of an element of `tag`, and what to write instead. */
function fate(tag: string): string {
  if (WITH_CONTENT.has(tag)) return "is removed with its content: an issue cannot run scripts or bring its own styles";
  if (EMBEDS.has(tag)) return "is removed: an issue cannot embed other pages, media players or forms; link to what it shows instead, [title](https://…), or put an image in public/ and show it with ![text](/images/…)";
  return "is removed, its text kept: it is not one of the HTML elements an issue may hold; write the emphasis in Markdown (**…**, *…*) or use an element such as <strong>, <em>, <ins>, <del>, <kbd>, <sub> or <sup>";
}

/** What became of an element that stays but loses its `style`, and what to write instead. */
const STYLE_FATE = "loses its style: an issue cannot bring its own styles, so readers see the text as any other text of the page; write the emphasis in Markdown (**…**, *…*) or use an element such as <strong>, <em>, <ins>, <del>, <kbd>, <sub> or <sup>";

type LostAddress = NonNullable<PlacedTag["address"]>;

/** A lost address (rehype-removed-html.ts): whether it is a picture's, the schemes kept there, and its own. */
function lostTo({ attribute, url }: LostAddress): { picture: boolean; kept: readonly string[]; scheme: string } {
  const picture = attribute === "src";
  const kept = picture ? SRC_SCHEMES : HREF_SCHEMES;
  return { picture, kept, scheme: droppedScheme(url, kept) ?? "" };
}

/** What became of an element that stays but loses `address`, and what to write instead. */
function addressFate(address: LostAddress): string {
  const { picture, kept, scheme } = lostTo(address);
  const shown = picture ? "no picture" : "words that look like a link but go nowhere";
  return `loses its address: gekkan removes "${scheme}:" addresses (only ${schemeList(kept)} are kept), so readers would see ${shown}; ${picture ? "use an http(s) address or a picture in public/" : "link to an https:// page instead"}`;
}

/**
 * Raw HTML an issue may not hold (`<mark>`, `<u>`, `<font>`, `<iframe>`,
 * `<script>`): the page is built without it, which is what keeps readers
 * safe, but the author saw the emphasis or the embed vanish with no word.
 * One warning per tag per issue, at its first place, saying what became of
 * it and what to write instead.
 */
export function removedHtmlWarnings(rendered: readonly RenderedIssue[]): VFileMessage[] {
  return rendered.flatMap(({ issue, body }) => {
    // An element removed, by its tag; one that loses its address, by its tag and that address's attribute, as first written.
    const byTag = new Map<string, { written: string; what: string; places: Array<{ line: number; column: number }> }>();
    for (const { tag, line, column, address, style } of body.removedHtml ?? []) {
      const key = address !== undefined ? `${tag} ${lostTo(address).scheme.toLowerCase()}` : style !== undefined ? `${tag} style` : tag;
      const written = address !== undefined ? `<${tag} ${address.attribute}="${address.url}">` : style !== undefined ? `<${tag} style="${style}">` : `<${tag}>`;
      const entry = byTag.get(key) ?? { written, what: address !== undefined ? addressFate(address) : style !== undefined ? STYLE_FATE : fate(tag), places: [] };
      entry.places.push({ line, column });
      byTag.set(key, entry);
    }
    return [...byTag.values()].map(({ written, what, places }) => {
      const [first = { line: 1, column: 1 }, ...rest] = places;
      const more = rest.length === 0 ? "" : ` (and ${rest.length} more in this issue)`;
      return warning(issue.file, `${written}${more} ${what}`, first, "raw-html-removed");
    });
  });
}
