import type { Root } from "hast";
import { raw } from "hast-util-raw";
import { visit, EXIT } from "unist-util-visit";

/**
 * Parses raw HTML written in Markdown into real elements (so the sanitizer can
 * keep the safe parts), but only in documents that have some: parse5 costs
 * more than the rest of the pipeline, and most issues contain no raw HTML.
 */
export function rehypeRawIfPresent() {
  return (tree: Root): Root => {
    let found = false;
    visit(tree, "raw", () => {
      found = true;
      return EXIT;
    });
    return found ? (raw(tree) as Root) : tree;
  };
}
