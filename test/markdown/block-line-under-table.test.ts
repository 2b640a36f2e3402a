import { describe, expect, it } from "vitest";
import { bodyOutcome as outcome } from "../helpers/body-outcome.js";

const TABLE = "| 版 | 状態 |\n| --- | --- |\n| 1.0 | 安定 |";

/**
 * GFM reads every line under a table, up to a blank line, as one more row:
 * a stray `:::` or a block opening line that missed, written straight under
 * a table, was published as a cell holding the colons (found by the
 * mutated-site fuzzer), where the same line under a paragraph is an error.
 */
describe("a ::: line right under a table", () => {
  it("a stray closing ::: is reported at its line, not shown as a cell", () => {
    expect(outcome(`${TABLE}\n:::\n`)).toEqual([`9:1 this ":::" closes a block, but no block is open here; delete the line, or check the block's opening line above (":::name{…}" with no spaces)`]);
  });

  it("an opening line that missed is reported, and its closing ::: is not blamed as well", () => {
    expect(outcome(`${TABLE}\n:::release {component="pacemaker" status="planned"}\n本文\n:::\n`)).toEqual([
      "9:1 remove the space between :::release and {: write \":::release{…}\", or this line is printed as text",
    ]);
  });

  it("a block that closes right under its table, and cells the author wrote with colons, still render", () => {
    const html = outcome(`:::release{component="pacemaker" status="planned"}\n${TABLE}\n:::\n\n| a | b |\n| - | - |\n| ::: | x |\n::: | y\n`);
    expect(typeof html, JSON.stringify(html)).toBe("string");
    expect(html).toContain("<td>:::</td>\n<td>x</td>");
    expect(html).toContain("<td>:::</td>\n<td>y</td>");
  });
});
