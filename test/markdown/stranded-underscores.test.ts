import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer } from "../../src/markdown/processor.js";

/** The oracle: remark-gfm as anyone would use it, raw HTML passed through. */
const plain = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });
const oracle = (markdown: string) => String(plain.processSync(markdown)).trim();
const render = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/" });
const reasons = (markdown: string) => {
  const result = render({ file: "content/issues/x.md", body: markdown, bodyLine: 1 });
  return result.ok ? [] : result.messages.map((m) => m.reason);
};

describe("underscore emphasis between Japanese letters (error-stranded-emphasis)", () => {
  it.each([
    ["これは_強調_です", "_強調_", "<em>強調</em>"],
    ["これは__太字__です", "__太字__", "<strong>太字</strong>"],
    ["_行頭の強調_です", "_行頭の強調_", "<em>行頭の強調</em>"],
    ["設定は_「任意」_です", "_「任意」_", "<em>「任意」</em>"],
    ["Pacemakerは_とても大事_。", "_とても大事_", "<em>とても大事</em>"],
  ])("%s is an error whose fix reads as emphasis", (markdown, written, emphasis) => {
    // The mistake is real: plain remark-gfm shows the underscores.
    expect(oracle(markdown)).toContain(written);
    const [reason, ...rest] = reasons(markdown);
    expect(rest).toEqual([]);
    const fix = /write (.+?) instead/.exec(reason ?? "")?.[1];
    expect(fix, reason).toBeDefined();
    const fixed = markdown.replace(written, fix ?? "");
    expect(oracle(fixed)).toContain(emphasis);
    expect(reasons(fixed)).toEqual([]);
  });

  it.each([
    "stonith_enabled と no_quorum_policy を設定する",
    "`これは_強調_です` はコード",
    "```\nこれは_強調_です\n```",
    "詳細は https://example.jp/高可用_構成_図 を参照",
    "詳細は <https://example.jp/高可用_構成_図> を参照",
    "これは _強調_ です",
    "「_強調_」",
    "これは\\_そのまま\\_です",
    "リソース名は rsc_日本_ のように付ける",
    "資料_最終版_v2.pdf を配布",
    "Pythonの__init__メソッド",
    "_emphasis_ と foo_bar_baz",
  ])("%s is left alone", (markdown) => {
    expect(reasons(markdown)).toEqual([]);
  });
});
