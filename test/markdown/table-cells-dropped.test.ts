import { describe, expect, it } from "vitest";
import { bodyMessages, bodyWarnings, gfmHtml } from "../helpers/markdown-oracle.js";

const oracle = gfmHtml;
const messages = bodyMessages;

/**
 * A pipe inside a table cell, in code too (`b|c`), ends the cell unless it is
 * written \|; a row with more cells than the table has columns loses the
 * cells past the last one without a word (GFM: "the excess is ignored"), so
 * "c`" was simply missing from the page. Each such row is an error at the
 * first cell left off, quoting it.
 */
describe("a table row with more cells than the table has columns", () => {
  it("a pipe inside code: the cells past the last column are an error quoting them, at the pipe that starts them", () => {
    const markdown = "| 列1 | 列2 |\n| --- | --- |\n| a | `b|c` |\n";
    // The mistake is real: plain remark-gfm drops "c`" from the page.
    expect(oracle(markdown)).not.toContain("c`");
    expect(messages(markdown)).toEqual([
      '3:9  this row has 3 cells but the table has 2 columns, so "c`" is left off the page: a | inside a cell, also in code, is written \\| (`a\\|b`); or, for another column, add a cell to the first row and a --- to the line under it',
    ]);
  });

  it("every such row is named, also inside a block; the fix the message gives keeps every cell", () => {
    const markdown = ':::release{component="pacemaker" status="released"}\n| a | b |\n| - | - |\n| 1 | 2 | 3 | 4\n| 5 | 6 |\n| 7 | 8 | 9 |\n:::\n';
    expect(messages(markdown).map((m) => m.split(" but ")[0])).toEqual(["4:9  this row has 4 cells", "6:9  this row has 3 cells"]);
    expect(messages(markdown)[0]).toContain('so "3 | 4" is left off');
    expect(messages("| a | `b\\|c` |\n| - | - |\n| 1 | `x\\|y` |\n")).toEqual([]);
  });

  it("a row with fewer cells, or as many, is no error", () => {
    expect(messages("| a | b | c |\n| - | - | - |\n| 1 |\n| 1 | 2 | 3 |\n")).toEqual([]);
  });
});

/**
 * A | left out between two cells (`| a  b | c |` under three columns): GFM
 * fills the row with an empty cell at its end, and the two cells' texts run
 * together in one, without a word. A warning at the row, naming its count
 * of cells and the table's columns, with the fix; a row that writes its
 * empty cells (`| a | | |`) says nothing.
 */
describe("a table row with fewer cells than the table has columns", () => {
  it("is a table-short-row warning at the row, quoting it, with the fix", () => {
    const markdown = "| 列1 | 列2 | 列3 |\n| --- | --- | --- |\n| a  b | c |\n| d | | |\n";
    // The mistake is real: plain remark-gfm runs "a  b" together in one cell and adds an empty one.
    expect(oracle(markdown)).toContain("<td>a  b</td>\n<td>c</td>\n<td></td>");
    expect(messages(markdown)).toEqual([]);
    expect(bodyWarnings(markdown)).toEqual([
      '3:1  table-short-row  "| a  b | c |": this row has 2 cells but the table has 3 columns, so the page adds an empty cell at its end; if a | was left out between two cells, their texts run together in one: add the missing |; to leave a cell empty on purpose, write it as | |',
    ]);
  });

  it("counts cells as GFM does: an escaped pipe, also in code, is text in its cell, and the message says so; each short row is named, also in a block", () => {
    const markdown = ':::release{component="pacemaker" status="released"}\n| a | b | c |\n| - | - | - |\n| `x\\|y` | z |\n| 1 | 2 | 3 |\n| 4\n:::\n';
    expect(oracle("| a | b | c |\n| - | - | - |\n| `x\\|y` | z |\n")).toContain("<td><code>x|y</code></td>\n<td>z</td>\n<td></td>");
    expect(bodyWarnings(markdown)).toEqual([
      '4:1  table-short-row  "| `x\\|y` | z |": this row has 2 cells but the table has 3 columns, so the page adds an empty cell at its end; if a | was left out between two cells, their texts run together in one: add the missing |; a \\| is a | in a cell\'s text, not a line between cells; to leave a cell empty on purpose, write it as | |',
      '6:1  table-short-row  "| 4": this row has 1 cell but the table has 3 columns, so the page adds 2 empty cells at its end; if a | was left out between two cells, their texts run together in one: add the missing |; to leave a cell empty on purpose, write it as | |',
    ]);
  });

  it("a row with all its cells, empty ones written, says nothing", () => {
    const markdown = "| a | b | c |\n| - | - | - |\n| 1 | | |\n|  |  |  |\n| 2 | 3 |\n";
    expect(bodyWarnings(markdown).map((w) => w.split("  ")[0])).toEqual(["5:1"]);
  });
});

/**
 * A full-width ｜ typed between two cells of a table's row is text to GFM:
 * the row had one cell "1 ｜ 2" and an empty one, with no error, though a
 * table written all in ｜ is one.
 */
describe("a row of a table with a full-width ｜ between its cells", () => {
  it("is an error at the ｜ when the row is short of cells, saying to type |", () => {
    const markdown = "| 項目 | 値 |\n| --- | --- |\n| 1 ｜ 2 |\n| 3 | 4 |\n";
    // Plain remark-gfm shows the ｜ inside one cell and leaves the other empty.
    expect(oracle(markdown)).toContain("<td>1 ｜ 2</td>\n<td></td>");
    expect(messages(markdown)).toEqual([
      '3:5  this row has 1 cell for the table\'s 2 columns, and "1 ｜ 2" holds a full-width ｜, which is text, not a line between cells; type an ASCII | there',
    ]);
  });

  it("a ｜ in a row with all its cells, or in code, is the author's text", () => {
    expect(messages("| 記号 | 意味 |\n| --- | --- |\n| ｜ | 縦線 |\n| `a｜b` |\n")).toEqual([]);
  });
});
