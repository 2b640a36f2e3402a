import fc from "fast-check";
import type { Element, Root as HastRoot } from "hast";
import type { List, Root } from "mdast";
import type { toHast as ToHast } from "mdast-util-to-hast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { loadPackageFile, packageFile } from "../helpers/patched-packages.js";
import { countedArray } from "../helpers/touch-count.js";

/**
 * patches/mdast-util-to-hast+13.2.2.patch finds whether a list is loose once per list in
 * a conversion, where each item used to read all its siblings again. The oracle is the
 * package as published, installed beside it unpatched.
 */
type ToHastModule = { toHast: typeof ToHast };

const parser = unified().use(remarkParse).use(remarkGfm);
const mdast = (markdown: string) => parser.parse(markdown) as Root;

/** Lists tight and loose, nested, ordered, with task items, code and quotes inside, and the text between them. */
const PIECES = ["- ", "* ", "1. ", "2) ", "  ", "    ", "\n", "\n\n", "[ ] ", "[x] ", "a", "b c", "> ", "```\nx\n```", "# h", "---", "*e*", "<b>", "|a|\n|-|\n"];
const markdown = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join(""));

describe("mdast-util-to-hast, patched for long lists", () => {
  it("is applied: the installed list item handler is not the published one", () => {
    const handler = (pkg: string) => packageFile(pkg, "lib/handlers/list-item.js");
    expect(handler("mdast-util-to-hast")).not.toBe(handler("mdast-util-to-hast-unpatched"));
  });

  it("gives the published HTML tree for any mix of lists", async () => {
    const [patched, upstream] = [await loadPackageFile<ToHastModule>("mdast-util-to-hast", "index.js"), await loadPackageFile<ToHastModule>("mdast-util-to-hast-unpatched", "index.js")];
    fc.assert(
      fc.property(markdown, (text) => {
        // A tree of its own for each: a conversion may keep what it learnt about the tree it was given.
        expect(patched.toHast(mdast(text), { allowDangerousHtml: true })).toEqual(upstream.toHast(mdast(text), { allowDangerousHtml: true }));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads a long list's items a few times each, not once per sibling", async () => {
    const patched = await loadPackageFile<ToHastModule>("mdast-util-to-hast", "index.js");
    const tree = mdast("- a\n".repeat(3_000));
    const list = tree.children[0] as List;
    const { array, touches } = countedArray(list.children);
    list.children = array;
    const hast = patched.toHast(tree) as HastRoot;
    expect((hast.children[0] as Element).children.filter((child) => child.type === "element")).toHaveLength(3_000);
    // The published handler asked every item whether its list is loose, reading all 3,000 siblings each time: 9 million.
    expect(touches()).toBeLessThan(3_000 * 5);
  });
});
