import type { Element, Root } from "hast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import type { PlacedTag } from "../rendered.js";
import { droppedScheme, HREF_SCHEMES, SRC_SCHEMES } from "../url-schemes.js";

/** Where the removed elements are kept for rehype-collect (file.data is the vfile's, per issue). */
export const REMOVED_HTML = "gekkanRemovedHtml";

/**
 * Raw HTML the sanitiser will remove, noted before it does: `<mark>強調</mark>`
 * and `<u>下線</u>` lost their markup and `<script>` its content without a
 * word, so an author saw the page differ from what was written and could not
 * tell why. Each element of a tag the schema does not allow is noted with
 * its place (rehype-collect passes the list on; the build warns). So is an
 * element that stays but loses its address (`<a href="tel:…">`, `<img
 * src="data:…">`): a link that goes nowhere, or no picture; and one that
 * loses its `style` (`<span style="color:red">`): text shown as any other.
 */
export function rehypeRemovedHtml(options: { allowed: readonly string[] }) {
  const allowed = new Set(options.allowed);
  return (tree: Root, file: VFile) => {
    const removed: PlacedTag[] = [];
    visit(tree, "element", (node: Element) => {
      const start = node.position?.start;
      if (start === undefined) return;
      if (!allowed.has(node.tagName)) removed.push({ tag: node.tagName, line: start.line, column: start.column });
      else {
        const address = lostAddress(node);
        // No element keeps a style: the red the author typed would vanish as a removed tag's markup does.
        const style = node.properties.style;
        if (address !== undefined) removed.push({ tag: node.tagName, line: start.line, column: start.column, address });
        else if (typeof style === "string" && style.trim() !== "") removed.push({ tag: node.tagName, line: start.line, column: start.column, style });
      }
    });
    (file.data as Record<string, unknown>)[REMOVED_HTML] = removed;
  };
}

/** The `href` or `src` the sanitiser would drop for its scheme, if any. */
function lostAddress(node: Element): PlacedTag["address"] {
  for (const [attribute, kept] of [["href", HREF_SCHEMES], ["src", SRC_SCHEMES]] as const) {
    const url = node.properties[attribute];
    if (typeof url === "string" && droppedScheme(url, kept) !== undefined) return { attribute, url };
  }
  return undefined;
}
