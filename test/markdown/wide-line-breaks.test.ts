import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer } from "../../src/markdown/processor.js";

const render = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/" });
const html = (markdown: string) => {
  const result = render({ file: "content/issues/x.md", body: markdown, bodyLine: 1 });
  if (!result.ok) throw new Error(result.messages.map(String).join("\n"));
  return result.body.html;
};

/** A soft line break between two wide characters is dropped (see test/browser/wide-line-breaks.test.ts for why); expected HTML by hand. */
describe("line breaks inside Japanese sentences", () => {
  it.each([
    ["日本語の文章が\n続きます。", "<p>日本語の文章が続きます。</p>"],
    ["文が \n   続く", "<p>文が続く</p>"],
    ["句点。\n次の文", "<p>句点。次の文</p>"],
    ["**強調**\nです。", "<p><strong>強調</strong>です。</p>"],
    ["[リンク](https://x.org/)\nです。", '<p><a href="https://x.org/">リンク</a>です。</p>'],
    ["`コード`\nの後", "<p><code>コード</code>の後</p>"],
    ["> 引用の\n> 続き", "<blockquote>\n<p>引用の続き</p>\n</blockquote>"],
    ["- 項目の\n  続き", "<ul>\n<li>項目の続き</li>\n</ul>"],
  ])("joined: %j", (markdown, expected) => {
    expect(html(markdown)).toBe(expected);
  });

  it.each([
    ["English text\ncontinues.", "<p>English text\ncontinues.</p>"],
    ["日本語\nEnglish", "<p>日本語\nEnglish</p>"],
    ["Pacemaker\n日本語", "<p>Pacemaker\n日本語</p>"],
    ["한국어\n문장", "<p>한국어\n문장</p>"],
    ["ｶﾀｶﾅ\nｶﾀｶﾅ", "<p>ｶﾀｶﾅ\nｶﾀｶﾅ</p>"],
    ["行末の改行  \n次の行", "<p>行末の改行<br>\n次の行</p>"],
    ["行末の改行\\\n次の行", "<p>行末の改行<br>\n次の行</p>"],
    ["```\nコードの\n行\n```", "<pre><code>コードの\n行\n</code></pre>"],
    ["文章が\n\n段落", "<p>文章が</p>\n<p>段落</p>"],
  ])("kept: %j", (markdown, expected) => {
    expect(html(markdown)).toBe(expected);
  });
});
