import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer } from "../../src/markdown/processor.js";

const render = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/" });
const html = (markdown: string) => {
  const result = render({ file: "content/issues/x.md", body: markdown, bodyLine: 1 });
  if (!result.ok) throw new Error(result.messages.map(String).join("\n"));
  return result.body.html;
};

/**
 * One tilde is a range in Japanese and in version numbers. With GFM's
 * single-tilde strikethrough (GitHub's default), two ranges in a paragraph
 * struck through everything between them: "1.0~1.1 と 2.0~2.1 が対象"
 * showed "1.1 と 2.0" crossed out. Expected HTML written by hand.
 */
describe("tildes", () => {
  it.each([
    ["受付は10時~12時、14時~16時です。", "<p>受付は10時~12時、14時~16時です。</p>"],
    ["1.0~1.1 と 2.0~2.1 が対象", "<p>1.0~1.1 と 2.0~2.1 が対象</p>"],
    ["versions ~1.0~ and ~2.0~", "<p>versions ~1.0~ and ~2.0~</p>"],
  ])("a single ~ is text: %s", (markdown, expected) => {
    expect(html(markdown)).toBe(expected);
  });

  it("two tildes still strike through", () => {
    expect(html("これは~~旧版~~です。 and ~~old~~ too")).toBe("<p>これは<del>旧版</del>です。 and <del>old</del> too</p>");
  });
});
