import fc from "fast-check";
import type { Paragraph, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { insideAny } from "../../src/markdown/reader-text.js";

const parser = unified().use(remarkParse).use(remarkGfm);
const paragraphsOf = (markdown: string) => (parser.parse(markdown) as Root).children.filter((node): node is Paragraph => node.type === "paragraph");

/** The oracle: every inline code and raw HTML node's span, tried one by one. */
function naiveInside(paragraph: Paragraph, types: readonly string[], offset: number): boolean {
  const nodes: Array<{ type: string; position?: Paragraph["position"]; children?: unknown[] }> = [paragraph];
  for (let node = nodes.pop(); node !== undefined; node = nodes.pop()) {
    const [a, b] = [node.position?.start.offset, node.position?.end.offset];
    if (types.includes(node.type) && a !== undefined && b !== undefined && a <= offset && offset < b) return true;
    nodes.push(...((node.children ?? []) as typeof nodes));
  }
  return false;
}

const PIECES = ["a", " ", "\n", "`b`", "``c ` d``", "<br>", "<span>", "</span>", "<!-- x -->", "*e*", "[f](/g)", "http://h.i", "`", "<", "あ"];
const markdown = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }).map((pieces) => pieces.join(""));

describe("insideAny: whether an offset is in inline code or raw HTML", () => {
  it("answers as trying every node's span would, at every offset of generated paragraphs", () => {
    fc.assert(
      fc.property(markdown, fc.constantFrom(["inlineCode"], ["inlineCode", "html"], ["html"]), (text, types) => {
        for (const paragraph of paragraphsOf(text)) {
          const inside = insideAny(paragraph, types);
          const end = paragraph.position?.end.offset ?? 0;
          for (let offset = (paragraph.position?.start.offset ?? 0) - 1; offset <= end; offset++) expect(inside(offset), `offset ${offset}`).toBe(naiveInside(paragraph, types, offset));
        }
      }),
      { numRuns: 1500 },
    );
  });
});
