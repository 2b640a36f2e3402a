import { describe, expect, it } from "vitest";
import { bodyMessages, gfmHtml } from "../helpers/markdown-oracle.js";

const oracle = gfmHtml;
const messages = bodyMessages;
/** The link the message says to write. */
const fix = (message: string) => /write "(.*)"$/.exec(message)?.[1] ?? "";

/**
 * A Windows folder's path ends in a backslash, and a \ before the ")" that
 * ends a link escapes it: `[リンク](\a\b\)` was never closed, and the page
 * showed `[リンク](\a\b)`, its last \ gone, without a word. Each shape is an
 * error at the link with the address written with slashes.
 */
describe("a link whose address ends in a \\ before its closing mark", () => {
  it("a link, a relative address and an image: an error at each, with the slashed address", () => {
    const markdown = "詳しくは [リンク](\\a\\b\\) を。\n\n[x](a\\)\n\n図: ![図](\\images\\zu.png\\) ![表](hyo.png\\)\n";
    // The mistake is real: plain remark-gfm prints each as text, the \ before ")" gone.
    expect(oracle(markdown)).toBe("<p>詳しくは [リンク](\\a\\b) を。</p>\n<p>[x](a)</p>\n<p>図: ![図](\\images\\zu.png) ![表](hyo.png)</p>");
    expect(messages(markdown)).toEqual([
      '1:6  "[リンク](\\a\\b\\)" is printed as text, not as a link: the \\ before its closing ")" makes that ")" text, so the link is never closed; a web address is written with / between folders, not \\: write "[リンク](/a/b/)"',
      '3:1  "[x](a\\)" is printed as text, not as a link: the \\ before its closing ")" makes that ")" text, so the link is never closed; a web address is written with / between folders, not \\: write "[x](a/)"',
      '5:4  "![図](\\images\\zu.png\\)" is printed as text, not as an image: the \\ before its closing ")" makes that ")" text, so the image is never closed; a web address is written with / between folders, not \\: write "![図](/images/zu.png)"',
      '5:26  "![表](hyo.png\\)" is printed as text, not as an image: the \\ before its closing ")" makes that ")" text, so the image is never closed; a web address is written with / between folders, not \\: write "![表](hyo.png)"',
    ]);
    // What the message says to write is a link (an image) to plain remark-gfm too.
    expect(messages(markdown).map((m) => oracle(fix(m)))).toEqual(['<p><a href="/a/b/">リンク</a></p>', '<p><a href="a/">x</a></p>', '<p><img src="/images/zu.png" alt="図"></p>', '<p><img src="hyo.png" alt="表"></p>']);
  });

  it("an address in <…> whose \\ escapes its >: an error, the fix kept in <…>", () => {
    const markdown = "| 項目 | 場所 |\n| --- | --- |\n| 資料 | [山括弧](<\\a b\\>) |\n";
    expect(oracle(markdown)).toContain("<td>[山括弧](&#x3C;\\a b>)</td>");
    expect(messages(markdown)).toEqual([
      '3:8  "[山括弧](<\\a b\\>)" is printed as text, not as a link: the \\ before its closing ">" makes that ">" text, so the address is never closed; a web address is written with / between folders, not \\: write "[山括弧](</a b/>)"',
    ]);
    expect(oracle(fix(messages(markdown)[0] ?? ""))).toBe('<p><a href="/a%20b/">山括弧</a></p>');
  });

  it("a link CommonMark closes after all, an escaped \\ or [, and code are left alone beside one that is not", () => {
    const markdown = "[a](x\\)y) と [b](c\\\\) と \\[c](d\\) と `[e](f\\)` と [f](g\\)\n";
    expect(oracle(markdown)).toContain('<a href="x)y">a</a>');
    expect(oracle(markdown)).toContain('<a href="c%5C">b</a>');
    expect(messages(markdown).map((m) => m.split(" is printed")[0])).toEqual(['1:47  "[f](g\\)"']);
  });
});
