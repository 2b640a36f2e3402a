import type { Root } from "hast";
import type { VFile } from "vfile";
import GithubSlugger, { slug } from "github-slugger";
import { headingRank } from "hast-util-heading-rank";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import { pendingBlocks } from "../file-data.js";

/**
 * rehype-slug, but aware of block anchors: a heading "QA 1" must not take
 * `qa-1` (or `qa-1-title`) from the block that already owns it, or the page
 * gets duplicate ids and links jump to the wrong place.
 */
export function rehypeHeadingIds() {
  return (tree: Root, file: VFile) => {
    // "main" is the layout's skip-link target; block anchors belong to blocks.
    const reserved = new Set(["main", ...pendingBlocks(file).flatMap((b) => [b.id, `${b.id}-title`])]);
    const slugs = new GithubSlugger();
    visit(tree, "element", (node) => {
      if (headingRank(node) === undefined || node.properties.id) return;
      const text = toString(node);
      let id = slugs.slug(text);
      while (reserved.has(id)) id = slugs.slug(text);
      node.properties.id = id;
    });
  };
}

/**
 * The id a heading with this text gets when it is the first of that text on
 * its page (a later one is `-1`, `-2`…): the rule above, for `gekkan check`
 * to tell an author who linked `#STONITH プラグイン` which id that heading has.
 */
export function headingSlug(text: string): string {
  return slug(text);
}
