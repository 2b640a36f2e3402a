import { describe, expect, it } from "vitest";
import { bodyMessages, gfmHtml } from "../helpers/markdown-oracle.js";

const oracle = gfmHtml;
const messages = bodyMessages;
/** The ASCII spaces the message says to type in place of the full-width one. */
const spaces = (message: string) => Number(/type (\d+) ASCII spaces in place of the full-width/.exec(message)?.[1] ?? Number.NaN);

/**
 * A sub-item indented with a full-width space, as a Japanese input method
 * types it: CommonMark indents with ASCII spaces only, so `　- 入れ子` under
 * an item's first line was run into that item's text (`一つ目　- 入れ子`)
 * without a word, when it was alone; two or more were told only to lose the
 * full-width space, which makes them items beside the first, not under it.
 */
describe("a list item indented with a full-width space under an item", () => {
  it("one such line: an error at it, and the spaces it says to type put it under the item", () => {
    for (const [markdown, list, count] of [["- 一つ目\n　- 入れ子\n- 二つ目\n", "ul", 2], ["1. 一つ目\n　1. 入れ子\n2. 二つ目\n", "ol", 3]] as const) {
      // The mistake is real: plain remark-gfm runs the line into the item above.
      expect(oracle(markdown)).toMatch(/<li>一つ目\n\u3000[-1]/u);
      const found = messages(markdown);
      expect(found).toHaveLength(1);
      expect(found[0]).toContain(`this line starts with a full-width space (　) before "${list === "ul" ? "-" : "1."}", which Markdown does not take for indentation`);
      expect(spaces(found[0] ?? "")).toBe(count);
      const fixed = markdown.replace("\u3000", " ".repeat(spaces(found[0] ?? "")));
      const nested = oracle(fixed);
      expect(nested, fixed).toMatch(new RegExp(`<li>一つ目\\n<${list}>\\n<li>入れ子</li>`, "u"));
      expect(messages(fixed)).toEqual([]);
    }
  });

  it("two such lines: the error says how to put them under the item too", () => {
    const markdown = "- 一つ目\n　- 入れ子\n　- 入れ子二\n";
    const found = messages(markdown);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^2:1  this line and the next one start with a full-width space/);
    const fixed = markdown.replaceAll("\u3000", " ".repeat(spaces(found[0] ?? "")));
    expect(oracle(fixed)).toContain("<li>一つ目\n<ul>\n<li>入れ子</li>\n<li>入れ子二</li>\n</ul>\n</li>");
  });

  it("a full-width-indented line under a paragraph, not an item, stays part of the sentence", () => {
    expect(messages("ただの文\n　- 文の一部のまま。\n")).toEqual([]);
  });
});
