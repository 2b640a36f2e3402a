import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer } from "../../src/markdown/processor.js";

/** The oracle: remark-gfm as anyone would use it; what it prints as text is what a reader would see. */
const plain = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
const oracle = (markdown: string) => String(plain.processSync(markdown)).trim();
const render = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/" });
const messages = (markdown: string) => {
  const result = render({ file: "content/issues/x.md", body: markdown, bodyLine: 1 });
  return result.ok ? [] : result.messages.map((m) => `${m.line}:${m.column} ${m.reason.split(":")[0]}`);
};

/**
 * Two emphasis spans beside Japanese punctuation in one paragraph: CommonMark
 * pairs a star of the first with one of the second, the page shows stray
 * asterisks and an emphasis nobody wrote, and no `**…**` pair is left in the
 * text for the pair check to find. Each star left in the printed text
 * between a Japanese letter and Japanese punctuation is an error at its place.
 */
describe("stray asterisks beside Japanese punctuation", () => {
  it.each([
    ["これは**「重要」**です。そして*『強調』*も。", ["1:4", "1:23"]],
    ["これは*「注意」*です。そして**（必須）**を確認。", ["1:4", "1:22"]],
    // The opening ** has a Latin letter after it, and the closing one cannot close: the first is left in the text.
    ["今月は**Pacemaker（安定版）**と*「開発版」*。", ["1:4"]],
  ])("%s: each star printed as text is an error", (markdown, places) => {
    // The mistake is real: plain remark-gfm prints asterisks as text.
    expect(oracle(markdown).replace(/<[^>]+>/g, "")).toMatch(/\*/);
    expect(messages(markdown).map((m) => m.split(" ")[0])).toEqual(places);
    expect(messages(markdown).every((m) => m.endsWith("is printed as it is"))).toBe(true);
  });

  it("~~…~~ beside Japanese punctuation is the same mistake: the pair is reported with its fix, and the fix strikes through", () => {
    const markdown = "これは~~「旧版」~~です。";
    expect(oracle(markdown)).toContain("~~「旧版」~~");
    const result = render({ file: "content/issues/x.md", body: markdown, bodyLine: 1 });
    const reason = result.ok ? "" : (result.messages[0]?.reason ?? "");
    expect(result.ok ? [] : result.messages.map((m) => `${m.line}:${m.column}`)).toEqual(["1:4"]);
    const fix = /write (.+?) instead/.exec(reason)?.[1] ?? "";
    expect(fix).toBe("<del>「旧版」</del>");
    const fixed = render({ file: "content/issues/x.md", body: markdown.replace("~~「旧版」~~", fix), bodyLine: 1 });
    expect(fixed.ok && fixed.body.html).toBe("<p>これは<del>「旧版」</del>です。</p>");
    // Two in one paragraph: each ~~ left in the text.
    expect(messages("これは~~「旧版」~~、~~（古い）~~です。").map((m) => m.split(" ")[0])).toEqual(["1:4", "1:19"]);
  });

  it("a lone **…** pair is reported once, by the pair check, with its text", () => {
    expect(messages("これは**「重要」**です。")).toEqual(['1:4 "**「重要」**" is printed with its **']);
  });

  it.each([
    "2**10 と 3*4 は計算",
    "*注 脚注のように使う",
    "これは\\*「そのまま」\\*です",
    "`**「コード」**` はコード",
    "**重要**と<strong>「重要」</strong>はそのまま",
    "これは **「重要」** です",
    "これは***「三つ」***です",
    "倍率は5*3倍、2**10 バイト",
    "受付は10時~12時、~で範囲",
    "これは~~旧版~~です",
    "対応*1 と www.example.com*注意 は注の印",
    "です。*[注1] の印",
  ])("%s: nothing to report", (markdown) => {
    expect(messages(markdown)).toEqual([]);
  });
});
