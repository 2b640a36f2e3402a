import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import type { RenderedIssue } from "./render-issue.js";

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

/**
 * Raw HTML an issue may not hold (`<mark>`, `<u>`, `<font>`, `<iframe>`,
 * `<script>`): the page is built without it, which is what keeps readers
 * safe, but the author saw the emphasis or the embed vanish with no word.
 * One warning per tag per issue, at its first place, saying what became of
 * it and what to write instead.
 */
export function removedHtmlWarnings(rendered: readonly RenderedIssue[]): VFileMessage[] {
  return rendered.flatMap(({ issue, body }) => {
    const byTag = new Map<string, Array<{ line: number; column: number }>>();
    for (const { tag, line, column } of body.removedHtml ?? []) byTag.set(tag, [...(byTag.get(tag) ?? []), { line, column }]);
    return [...byTag].map(([tag, places]) => {
      const [first = { line: 1, column: 1 }, ...rest] = places;
      const more = rest.length === 0 ? "" : ` (and ${rest.length} more in this issue)`;
      return warning(issue.file, `<${tag}>${more} ${fate(tag)}`, first, "raw-html-removed");
    });
  });
}
