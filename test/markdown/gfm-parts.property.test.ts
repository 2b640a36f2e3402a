import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer, type MarkdownResult } from "../../src/markdown/processor.js";
import { gfmPartsFor } from "../../src/markdown/plugins/remark-gfm-parts.js";

const options = { components: [...DEFAULT_COMPONENTS], basePath: "/" };
const parts = createMarkdownRenderer(options);
const all = createMarkdownRenderer({ ...options, gfm: "all" });

/** Snippets that trigger each GFM part, near misses that must not, and ordinary Markdown around them. */
const SNIPPETS = [
  "www.example.com", "WWW.Example.org/path", "http://a.example/x?y=1", "HTTPS://b.example", "user@example.com", "mailto:a@b.example", "xmpp:me@chat.example",
  "www", "http:", "@", "a@b", "| a | b |\n| --- | --- |\n| 1 | 2 |\n", "a | b\n-|-\n1 | 2\n", "|", "~~gone~~", "~one~", "~", "[^1]", "[^note]: the note\n", "[^",
  "- [ ] todo\n", "- [x] done\n", "* [X] Done\n", "[ ]", "# Heading\n", "## 見出し\n", "plain words ", "*emph* ", "**strong** ", "`co|de` ", "```sh\nls | wc -l\n```\n",
  "> quoted\n", "1. one\n", "- item\n", "\n\n", "\n", "日本語の文です。", "[link](http://x.example)", "<https://auto.example>", "<b>raw</b>", "<!-- c -->",
  ":::stonith{device=\"HP iLO3\" plugin=\"ipmi\"}\nUse ipmi.\n:::\n", ".", "[", "]", "^", " ", "-", "x", ":", "\\|",
];

const doc = fc.array(fc.constantFrom(...SNIPPETS), { maxLength: 14 }).map((xs) => xs.join(""));

function comparable(result: MarkdownResult): unknown {
  return result.ok ? { ok: true, body: result.body } : { ok: false, messages: result.messages.map(String) };
}

describe("GFM parts per document", () => {
  it("parses every document exactly as full remark-gfm does", () => {
    fc.assert(
      fc.property(doc, (markdown) => {
        const source = { file: "content/issues/x.md", body: markdown, bodyLine: 6 };
        expect(comparable(parts(source))).toEqual(comparable(all(source)));
      }),
      { numRuns: 400 },
    );
  });

  it("leaves out the parts a document cannot use", () => {
    expect(gfmPartsFor("Plain text, a list:\n\n- one\n- two\n")).toEqual([]);
    expect(gfmPartsFor("| a |\n| - |\n| 1 |")).toEqual(["table"]);
    expect(gfmPartsFor("see www.linux-ha.org or ~~this~~[^1]\n- [ ] x")).toEqual(["autolinkLiteral", "footnote", "strikethrough", "taskList"]);
    expect(gfmPartsFor("mail me: a@b.example")).toEqual(["autolinkLiteral"]);
  });

  it("still renders each part when its trigger is there", () => {
    const html = (body: string) => {
      const result = parts({ file: "x.md", body, bodyLine: 1 });
      if (!result.ok) throw new Error(result.messages.map(String).join("\n"));
      return result.body.html;
    };
    expect(html("| a |\n| - |\n| 1 |")).toContain("<table>");
    expect(html("see www.linux-ha.org")).toContain('<a href="http://www.linux-ha.org">');
    expect(html("~~old~~")).toContain("<del>old</del>");
    expect(html("- [x] done")).toContain('type="checkbox"');
  });
});
