import { describe, expect, it } from "vitest";
import { bodyMessages, gfmHtml } from "../helpers/markdown-oracle.js";

const oracle = gfmHtml;
const messages = bodyMessages;
/** The line the message says to write, in quotes after "write". */
const suggested = (message: string) => /write "([^"]+)" instead/.exec(message)?.[1];

/**
 * A table whose line under the first row is mistyped, a pipe left out
 * between two cells (`| --- --- |`) or one cell of dashes for two columns
 * (`| --- |`): GFM reads no table, and the rows were published as one
 * paragraph of pipes without a word, as that line holds fewer than two
 * cells and only two rows of cells were taken for a table the author meant.
 */
describe("a table whose line of --- is mistyped", () => {
  it("a pipe left out between the dashes: an error at the first row giving the line to write, which makes the table", () => {
    const markdown = "| 版 | 状態 |\n| --- --- |\n| 1.4 | 安定 |\n";
    // The mistake is real: plain remark-gfm prints the pipes as text.
    expect(oracle(markdown)).not.toContain("<table>");
    const found = messages(markdown);
    expect(found).toEqual([
      '1:1  these lines between | are printed as text, not as a table: the line under the first row (line 2), "| --- --- |", needs one --- between | for each column; write "| --- | --- |" instead',
    ]);
    const fixed = markdown.replace("| --- --- |", suggested(found[0] ?? "") ?? "");
    expect(oracle(fixed)).toContain("<td>安定</td>");
    expect(messages(fixed)).toEqual([]);
  });

  it("the line to write keeps the author's alignment colons, one run of dashes per column", () => {
    const markdown = "| 項目 | Heartbeat | Corosync |\n|:---|:---: ---:|\n| 鍵 | authkeys | authkey |\n";
    expect(oracle(markdown)).not.toContain("<table>");
    const found = messages(markdown);
    expect(suggested(found[0] ?? "")).toBe("| :--- | :---: | ---: |");
    const table = oracle(markdown.replace("|:---|:---: ---:|", suggested(found[0] ?? "") ?? ""));
    expect(table).toContain('<td align="left">鍵</td>\n<td align="center">authkeys</td>\n<td align="right">authkey</td>');
  });

  it("one cell of dashes for two columns: an error at the first row, not at a row below it", () => {
    for (const dashes of ["| --- |", "|-------|"]) {
      const markdown = `本文です。\n\n| 版 | 状態 |\n${dashes}\n| 1.4 | 安定 |\n| 1.3 | 旧 |\n`;
      expect(oracle(markdown)).not.toContain("<table>");
      expect(messages(markdown)).toEqual(["3:1  these lines between | are printed as text, not as a table: the first row has 2 cells and the line of --- under it 1; give both the same number"]);
    }
  });

  it("a one-column table, and a line of dashes under text that is no row, are left alone", () => {
    expect(oracle("| 版 |\n| --- |\n| 1.4 |\n")).toContain("<table>");
    expect(messages("| 版 |\n| --- |\n| 1.4 |\n")).toEqual([]);
    expect(messages("| 版 | 状態 |\n\n| --- --- |\n")).toEqual([]);
  });
});
