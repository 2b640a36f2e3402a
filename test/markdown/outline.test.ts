/**
 * A body's outline (kept with the issue so its table of contents needs no
 * HTML) against a real HTML5 parse of the body's HTML: every h2 and h3 with an
 * id, and every block placeholder comment, in document order.
 */
import fc from "fast-check";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer } from "../../src/markdown/processor.js";
import type { OutlineItem, RenderedBody } from "../../src/markdown/rendered.js";

const render = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/" });

function body(markdown: string): RenderedBody {
  const result = render({ file: "content/issues/x.md", body: markdown, bodyLine: 1 });
  if (!result.ok) throw new Error(result.messages.map((m) => m.reason).join("\n"));
  return result.body;
}

type Node = DefaultTreeAdapterMap["childNode"] | DefaultTreeAdapterMap["documentFragment"];

/** The oracle: h2/h3 elements with an id and gekkan-block comments, walking parse5's tree in order. */
function parsedOutline(html: string): OutlineItem[] {
  const out: OutlineItem[] = [];
  const walk = (node: Node): void => {
    if (node.nodeName === "#comment" && "data" in node) {
      const block = /^gekkan-block:(\d+)$/.exec(node.data);
      if (block) out.push({ block: Number(block[1]) });
    }
    if ("tagName" in node && (node.tagName === "h2" || node.tagName === "h3")) {
      const id = node.attrs.find((a) => a.name === "id")?.value;
      if (id !== undefined) out.push({ depth: node.tagName === "h2" ? 2 : 3, id });
    }
    if ("childNodes" in node) for (const child of node.childNodes) walk(child);
  };
  walk(parseFragment(html));
  return out;
}

const text = fc.constantFrom("Intro", "A & B", 'say "hi"', "<tag>", "日本語の見出し：記号", "x'y", "1 < 2 > 0", "&amp; literal");
const piece = fc.oneof(
  text.map((t) => `## ${t}`),
  text.map((t) => `### ${t}`),
  text.map((t) => `#### ${t}`),
  text.map((t) => `> ## ${t}`),
  text.map((t) => `- ### ${t}`),
  text.map((t) => `${t}\n---`),
  fc.constantFrom('<h2 id="raw">Raw</h2>', "<h3>No id</h3>", '<h2 id="a&amp;b">Amp</h2>', "`<h2 id=\"code\">`", "```\n<h2 id=\"fenced\">\n```"),
  fc.constant(':::qa{components="hawk"}\nq\n\n## inside\n\n---\n\na\n:::'),
  fc.constant(':::release{component="pacemaker" version="1.0.11" status="planned"}\nx\n:::'),
  fc.constant(':::stonith{device="HP iLO3" plugin="ipmi"}\nx\n:::'),
);

describe("body outline", () => {
  it("names h2 and h3 headings by id (character references undone), blocks by index, in document order", () => {
    const rendered = body('## A & B\n\n:::stonith{device="HP iLO3" plugin="ipmi"}\nx\n:::\n\n### say "hi"\n\n#### deeper\n');
    expect(rendered.outline).toEqual([{ depth: 2, id: "a--b" }, { block: 0 }, { depth: 3, id: "say-hi" }]);
  });

  it("property: the outline is what an HTML5 parser finds in the body's HTML", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const rendered = body(pieces.join("\n\n"));
        expect(rendered.outline).toEqual(parsedOutline(rendered.html));
      }),
      { numRuns: 300 },
    );
  });
});
