import type { Root } from "mdast";
import type { VFile } from "vfile";
import { SKIP, visit } from "unist-util-visit";
import { diagnostic } from "../../diagnostics.js";
import { findPlaceholders, placeholderAdvice, PLACEHOLDER_RULE } from "../../placeholder.js";
import { offsetIn, placeCursor, readerText, TEXT_CONTAINERS, type Position } from "../reader-text.js";

/**
 * `{{ name }}` or `{% tag %}` left in what readers see: the text, link
 * targets and titles, image descriptions, block attributes and raw HTML.
 * gekkan never fills such placeholders in an issue (templates are not run
 * over Markdown), so the page would show the braces. Code (`{{ x }}` in
 * backticks or a fenced block) is left alone, and so is text whose braces
 * are escaped (`\{\{`): both are how an author shows them on purpose.
 * Each placeholder is reported once, at its place. Whether a draft may
 * keep them is the caller's choice (rule PLACEHOLDER_RULE).
 */
export function remarkTemplatePlaceholders() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    const reported = new Set<string>();
    const report = (texts: ReadonlyArray<string | null | undefined>, position: Position) => {
      // In order: the same placeholder twice in one paragraph is found at each of its places.
      let after = 0;
      const placeOf = placeCursor(source, position);
      for (const found of texts.flatMap((text) => (text ? findPlaceholders(text) : []))) {
        const at = offsetIn(source, position, found, after);
        if (at !== undefined) after = at + found.length;
        const place = at === undefined ? undefined : placeOf(at);
        // Not written so in the source (escaped braces): shown on purpose.
        if (place === undefined || reported.has(`${place.line}:${place.column}`)) continue;
        reported.add(`${place.line}:${place.column}`);
        file.messages.push(diagnostic(where, placeholderAdvice(found, "text"), place, PLACEHOLDER_RULE));
      }
    };
    visit(tree, (node) => {
      if (node.type === "code" || node.type === "inlineCode") return SKIP;
      if (TEXT_CONTAINERS.has(node.type)) report([readerText(node)], node.position);
      if (node.type === "html") report([visibleHtml(node.value)], node.position);
      if (node.type === "link" || node.type === "image" || node.type === "definition") report([node.url, node.title], node.position);
      if (node.type === "image" || node.type === "imageReference") report([node.alt], node.position);
      if (node.type === "containerDirective" || node.type === "leafDirective" || node.type === "textDirective") report(Object.values(node.attributes ?? {}), node.position);
      return undefined;
    });
  };
}

/** HTML as a reader could see it: comments are dropped by the sanitiser, code shows its text on purpose. */
function visibleHtml(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, "").replace(/<(code|pre)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, "");
}
