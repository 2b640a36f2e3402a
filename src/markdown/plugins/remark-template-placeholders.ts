import type { Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import { diagnostic, type Place } from "../../diagnostics.js";
import { findPlaceholder, placeholderAdvice } from "../../placeholder.js";

export const PLACEHOLDER_RULE = "template-placeholder";

/**
 * `{{ name }}` or `{% tag %}` left in what readers see: the text, link
 * targets and titles, image descriptions, block attributes and raw HTML.
 * gekkan never fills such placeholders in an issue (templates are not run
 * over Markdown), so the page would show the braces. Code (`{{ x }}` in
 * backticks or a fenced block) is left alone: that is how an author shows
 * them on purpose. Whether a draft may keep them is the caller's choice
 * (rule PLACEHOLDER_RULE).
 */
export function remarkTemplatePlaceholders() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    const report = (found: string, place: Place) => file.messages.push(diagnostic(where, placeholderAdvice(found, "text"), place, PLACEHOLDER_RULE));
    visit(tree, (node) => {
      if (node.type === "code" || node.type === "inlineCode") return;
      const texts: Array<string | null | undefined> = [];
      if (node.type === "text") texts.push(node.value);
      if (node.type === "html") texts.push(visibleHtml(node.value));
      if (node.type === "link" || node.type === "image" || node.type === "definition") texts.push(node.url, node.title);
      if (node.type === "image" || node.type === "imageReference") texts.push(node.alt);
      if (node.type === "containerDirective" || node.type === "leafDirective" || node.type === "textDirective") texts.push(...Object.values(node.attributes ?? {}));
      for (const text of texts) {
        const found = text ? findPlaceholder(text) : undefined;
        if (found === undefined) continue;
        report(found, placeOf(source, node.position, found));
        return;
      }
    });
  };
}

/** HTML as a reader could see it: comments are dropped by the sanitiser, code shows its text on purpose. */
function visibleHtml(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, "").replace(/<(code|pre)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, "");
}

type Position = { start: { line: number; column: number; offset?: number | undefined }; end: { offset?: number | undefined } } | undefined;

/** Where the placeholder is written in the source, or the node's start when escapes make it differ from the text. */
function placeOf(source: string, position: Position, found: string): Place {
  const start = { line: position?.start.line ?? 1, column: position?.start.column ?? 1 };
  const from = position?.start.offset;
  const to = position?.end.offset;
  if (from === undefined || to === undefined) return start;
  const at = source.slice(from, to).indexOf(found);
  if (at === -1) return start;
  const before = source.slice(from, from + at);
  const lastBreak = before.lastIndexOf("\n");
  const breaks = before.split("\n").length - 1;
  return breaks === 0 ? { line: start.line, column: start.column + at } : { line: start.line + breaks, column: at - lastBreak };
}
