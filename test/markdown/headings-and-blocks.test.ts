import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer } from "../../src/markdown/processor.js";
import type { RenderedBody } from "../../src/markdown/rendered.js";

const render = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/" });

function body(markdown: string): RenderedBody {
  const result = render({ file: "content/issues/x.md", body: markdown, bodyLine: 1 });
  if (!result.ok) throw new Error(result.messages.map((m) => m.reason).join("\n"));
  return result.body;
}

/** Every id an issue page gets from its body: heading ids plus each block's id and `<id>-title`. */
function pageIds(rendered: RenderedBody): string[] {
  return [...rendered.headings.map((h) => h.id), ...rendered.blocks.flatMap((b) => [b.id, `${b.id}-title`])];
}

describe("heading anchors", () => {
  it("Japanese headings get readable, stable ids (punctuation dropped, duplicates numbered)", () => {
    const first = body("## リリース・アナウンス関連\n\n## 日本語の見出し：記号（かっこ）も含む\n\n## 日本語の見出し：記号（かっこ）も含む\n\n### Pacemaker 1.1 の新機能\n");
    expect(first.headings).toEqual([
      { depth: 2, id: "リリースアナウンス関連", text: "リリース・アナウンス関連" },
      { depth: 2, id: "日本語の見出し記号かっこも含む", text: "日本語の見出し：記号（かっこ）も含む" },
      { depth: 2, id: "日本語の見出し記号かっこも含む-1", text: "日本語の見出し：記号（かっこ）も含む" },
      { depth: 3, id: "pacemaker-11-の新機能", text: "Pacemaker 1.1 の新機能" },
    ]);
    // Same input, same ids: the slugger does not carry state between issues.
    expect(body("## リリース・アナウンス関連\n").headings[0]?.id).toBe("リリースアナウンス関連");
  });

  it("a heading never takes the id of a block on the same page", () => {
    const rendered = body([
      "## QA hawk", "", ":::qa{components=\"hawk\"}", "q", "", "---", "", "a", ":::", "",
      "## stonith HP iLO3", "", ":::stonith{device=\"HP iLO3\" plugin=\"ipmi\"}", "x", ":::", "",
      "## QA hawk title", "",
    ].join("\n"));
    const ids = pageIds(rendered);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rendered.blocks.map((b) => b.id)).toEqual(["qa-hawk", "stonith-hp-ilo3"]);
  });

  it("property: headings and blocks in any order produce no duplicate ids", () => {
    const piece = fc.oneof(
      fc.constantFrom("QA hawk", "qa-hawk-2", "release pacemaker 1.0.11", "stonith HP iLO3", "Intro", "qa hawk title").map((t) => `## ${t}`),
      fc.constant(':::qa{components="hawk"}\nq\n\n---\n\na\n:::'),
      fc.constant(':::release{component="pacemaker" version="1.0.11" status="planned"}\nx\n:::'),
      fc.constant(':::stonith{device="HP iLO3" plugin="ipmi"}\nx\n:::'),
      fc.constant(':::stonith{#intro device="X" plugin="ipmi"}\nx\n:::'),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const ids = pageIds(body(pieces.join("\n\n")));
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe("typed blocks", () => {
  it("a setext Q&A (question directly followed by ---) splits like the blank-line form", () => {
    const setext = body(':::qa{components="pacemaker"}\n1.0 と 1.1 は混在できますか？\n---\nできません。\n:::\n').blocks[0];
    const spaced = body(':::qa{components="pacemaker"}\n1.0 と 1.1 は混在できますか？\n\n---\n\nできません。\n:::\n').blocks[0];
    expect(setext).toMatchObject({ kind: "qa", questionText: "1.0 と 1.1 は混在できますか？", answerHtml: "<p>できません。</p>" });
    expect(spaced).toMatchObject({ kind: "qa", questionText: "1.0 と 1.1 は混在できますか？", answerHtml: "<p>できません。</p>" });
    if (setext?.kind !== "qa" || spaced?.kind !== "qa") throw new Error("not a qa block");
    expect(setext.questionHtml).toBe(spaced.questionHtml);
  });

  it("default ids follow the attributes; #id overrides; repeats are numbered", () => {
    const blocks = body([
      ':::release{component="pacemaker" version="1.0.11" status="planned"}\nx\n:::',
      ':::release{component="pacemaker" status="announcement"}\nx\n:::',
      ':::release{component="pacemaker" status="announcement"}\nx\n:::',
      ':::qa{#gui-versions components="python-gui"}\nq\n\n---\n\na\n:::',
      ':::stonith{device="HP  iLO3" plugin="ipmi"}\nx\n:::',
    ].join("\n\n")).blocks;
    expect(blocks.map((b) => b.id)).toEqual(["release-pacemaker-1-0-11", "release-pacemaker", "release-pacemaker-2", "gui-versions", "stonith-hp-ilo3"]);
  });

  it("the body keeps one placeholder per block, in document order", () => {
    const rendered = body(':::release{component="pacemaker" status="planned"}\nA\n:::\n\ntext\n\n:::stonith{device="D" plugin="ipmi"}\nB\n:::\n');
    expect(rendered.html.match(/<!--gekkan-block:\d+-->/g)).toEqual(["<!--gekkan-block:0-->", "<!--gekkan-block:1-->"]);
    expect(rendered.blocks.map((b) => b.kind)).toEqual(["release", "stonith"]);
  });

  it("an inline :text directive is left as the text the author wrote", () => {
    expect(body("注意:see ここ、時刻 12:30。\n").html).toBe("<p>注意:see ここ、時刻 12:30。</p>");
  });

  it("positions of block errors are file positions (body offset applied)", () => {
    const result = render({ file: "content/issues/x.md", body: "\n:::relase{}\nx\n:::\n", bodyLine: 7 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.messages.map((m) => [m.line, m.column, m.reason])).toEqual([[8, 1, 'unknown block ":::relase" — did you mean :::release?']]);
  });
});
