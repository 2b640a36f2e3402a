import type { Html, Root } from "mdast";
import type { ContainerDirective, LeafDirective, TextDirective } from "mdast-util-directive";
import type { VFile } from "vfile";
import { diagnostic } from "../../diagnostics.js";
import { placeholderAdvice, PLACEHOLDER, PLACEHOLDER_RULE } from "../../placeholder.js";
import { placedMatchesIn, readerText, shownBesides, visitTextContainers, type Position } from "../reader-text.js";

type Directives = ContainerDirective | LeafDirective | TextDirective;

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
      // In order: the same placeholder twice in one paragraph is found at each of its places; one not written so in the source (escaped braces) is shown on purpose.
      for (const { match, place } of placedMatchesIn(texts, position, source, PLACEHOLDER)) {
        if (reported.has(`${place.line}:${place.column}`)) continue;
        reported.add(`${place.line}:${place.column}`);
        file.messages.push(diagnostic(where, placeholderAdvice(match[0], "text"), place, PLACEHOLDER_RULE));
      }
    };
    visitTextContainers(tree, (node) => report([readerText(node)], (node as { position?: Position }).position), (node) => {
      if (node.type === "html") report([visibleHtml((node as Html).value)], node.position);
      for (const texts of shownBesides(node)) report(texts, node.position);
      if (node.type === "containerDirective" || node.type === "leafDirective" || node.type === "textDirective") report(Object.values((node as Directives).attributes ?? {}), node.position);
    });
  };
}

/** HTML as a reader could see it: comments are dropped by the sanitiser, code shows its text on purpose. */
function visibleHtml(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, "").replace(/<(code|pre)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, "");
}
