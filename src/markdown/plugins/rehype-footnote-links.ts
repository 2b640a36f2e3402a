import type { Root } from "hast";
import { visit } from "unist-util-visit";

/**
 * GFM footnotes link to ids; the sanitiser prefixes every id (so an author's
 * `id="main"` cannot clobber the page's own), but not the links to them.
 * remark-rehype therefore writes footnote ids without a prefix, the sanitiser
 * adds it once, and this adds the same prefix to the footnote links: without
 * it the ids came out prefixed twice and every footnote link pointed nowhere.
 */
export function rehypeFootnoteLinks(options: { prefix: string }) {
  return (tree: Root) => {
    visit(tree, "element", (node) => {
      if (node.tagName !== "a" || (node.properties.dataFootnoteRef === undefined && node.properties.dataFootnoteBackref === undefined)) return;
      const href = node.properties.href;
      if (typeof href === "string" && href.startsWith("#")) node.properties.href = `#${options.prefix}${href.slice(1)}`;
    });
  };
}
