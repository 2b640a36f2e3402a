import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer } from "../../src/markdown/processor.js";

/** The oracle: remark-gfm as anyone would use it; what it prints as text is what a reader sees. */
const plain = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });
const oracle = (markdown: string) => String(plain.processSync(markdown));
const render = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/" });
const messages = (markdown: string) => {
  const result = render({ file: "content/issues/x.md", body: markdown, bodyLine: 1 });
  return result.ok ? [] : result.messages.map((m) => `${m.line}:${m.column}  ${m.reason}`);
};
/** What the message says to type: the text after its last "type ", quotes taken off. */
const typed = (message: string) => /type "?([^"]+?)"?$/.exec(message)?.[1] ?? "";

/**
 * Bold and footnotes typed with a Japanese input method left on: `＊＊重要＊＊`
 * and `[＾1]` are text to Markdown, so the page showed the full-width marks
 * and no bold, and a reference with no note, without a word.
 */
describe("bold and footnote marks typed full-width", () => {
  it("＊＊…＊＊ and ＿＿…＿＿: an error at the marks, and what it says to type is bold", () => {
    for (const [markdown, column] of [["今月は＊＊重要＊＊です。", 4], ["今月は ＿＿注意＿＿ です。", 5], ["今月は＊＊「新版」＊＊です。", 4]] as const) {
      // The mistake is real: plain remark-gfm shows the marks and no bold.
      expect(oracle(markdown)).not.toContain("<strong>");
      const found = messages(markdown);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(new RegExp(`^1:${column}  ".+" is printed as text with its marks, not in bold: its [＊＿] are full-width; type `));
      const marks = /"(.+)" is printed/.exec(found[0] ?? "")?.[1] ?? "";
      const fixed = markdown.replace(marks, typed(found[0] ?? ""));
      expect(oracle(fixed), fixed).toContain("<strong>");
      expect(messages(fixed)).toEqual([]);
    }
  });

  it("[＾1] and its note [＾1]: each is an error, and what they say to type makes a footnote", () => {
    for (const [reference, note] of [["[＾1]", "[＾1]:"], ["［＾1］", "［＾1］："]] as const) {
      const markdown = `本文です${reference}。\n\n${note} 注記\n`;
      expect(oracle(markdown)).not.toContain("data-footnote");
      const found = messages(markdown).sort();
      expect(found.map((m) => m.split("  ")[0])).toEqual(["1:5", "3:1"]);
      expect(found[0]).toContain(`"${reference}" is printed as text, not as a footnote: its ＾`);
      expect(found[1]).toContain(`"${note}" is printed as text, not as a footnote's note: its ＾`);
      const fixed = markdown.replace(note, typed(found[1] ?? "")).replace(reference, typed(found[0] ?? ""));
      expect(oracle(fixed), fixed).toContain('<sup><a href="#user-content-fn-1"');
      expect(messages(fixed)).toEqual([]);
    }
  });

  it("a single ＊ as a note mark, and marks inside code, are left alone", () => {
    expect(messages("＊1 と ＊2 を参照。＊注: 旧版です。\n")).toEqual([]);
    expect(messages("コードでは `＊＊x＊＊` と `[＾1]` と書きます。\n")).toEqual([]);
  });
});
