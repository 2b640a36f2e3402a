import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer } from "../../src/markdown/processor.js";
import { scrollBoxes } from "../../src/render/scroll-boxes.js";
import { parseHtml, allElements, attr } from "../helpers/html.js";

const TEXT = { label: "表: {columns}", fallbackLabel: "表 {n}", hint: "横にスクロール →" };
const render = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/" });

function bodyHtml(markdown: string): string {
  const result = render({ file: "content/issues/x.md", body: markdown, bodyLine: 1 });
  if (!result.ok) throw new Error(result.messages.map((m) => m.reason).join("\n"));
  return result.body.html;
}

/** The oracle: a real HTML parse of the output, not the tokenizer under test. */
function boxes(html: string) {
  return allElements(parseHtml(html)).filter((e) => (attr(e, "class") ?? "").split(" ").includes("table-scroll"));
}

describe("scroll boxes: tables and code blocks", () => {
  it("wraps each table in a labelled, focusable region named after its header cells", () => {
    const html = scrollBoxes(bodyHtml('| 号 | 話題 & "引用" \\<b> |\n| --- | --- |\n| 1 | 創刊 |\n'), TEXT);
    const [box, ...rest] = boxes(html);
    expect(rest).toEqual([]);
    expect(box && attr(box, "role")).toBe("region");
    expect(box && attr(box, "tabindex")).toBe("0");
    expect(box && attr(box, "aria-label")).toBe('表: 号 / 話題 & "引用" <b>');
    expect(box && attr(box, "data-scroll-hint")).toBe("横にスクロール →");
    expect(box?.childNodes.some((c) => "tagName" in c && c.tagName === "table")).toBe(true);
  });

  it('never takes "<table" inside an attribute value or text for a tag', () => {
    const html = bodyHtml('<img src="/a.png" alt="1 > 0 <table></table> in alt">\n\n`<table>` in code, and &lt;table&gt; in text.\n');
    expect(scrollBoxes(html, TEXT)).toBe(html);
  });

  it("a table without header cells is numbered; a table inside a cell gets its own box", () => {
    const html = bodyHtml("<table><tr><td>a<table><tr><td>inner</td></tr></table></td></tr></table>\n");
    const labels = boxes(scrollBoxes(html, TEXT)).map((b) => attr(b, "aria-label"));
    expect(labels).toEqual(["表 1", "表 2"]);
  });

  it("property: one box per table, every code block focusable, and nothing else changed", () => {
    const cell = fc.constantFrom("Pacemaker", "コンポーネント", "`ibmrsa-telnet`", "a & b", "<kbd>C</kbd>", "x \\| y", "長い語".repeat(5));
    const table = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 3 })).chain(([cols, rows]) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows + 1, maxLength: rows + 1 }).map((grid) =>
        [grid[0]!, Array(cols).fill("---"), ...grid.slice(1)].map((r) => `| ${r.join(" | ")} |`).join("\n"),
      ),
    );
    const piece = fc.oneof(table, fc.constantFrom("本文の段落。", '<img src="/x.png" alt="a><table></table>">', "<table><tr><td>raw</td></tr></table>", "```\n<table>\n```", "```sh\ncrm configure primitive p stonith:external/ibmrsa-telnet params nodename=node1\n```"));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), (pieces) => {
        const html = bodyHtml(pieces.join("\n\n"));
        const wrapped = scrollBoxes(html, TEXT);
        const tables = allElements(parseHtml(html)).filter((e) => e.tagName === "table").length;
        expect(boxes(wrapped)).toHaveLength(tables);
        // …and no box markup anywhere else (inside an attribute value, say).
        expect(wrapped.split('<div class="table-scroll"').length - 1).toBe(tables);
        const pres = allElements(parseHtml(wrapped)).filter((e) => e.tagName === "pre");
        expect(pres.map((e) => attr(e, "tabindex"))).toEqual(pres.map(() => "0"));
        expect(wrapped.replace(/<div class="table-scroll"[^>]*>|<\/table><\/div>/g, (m) => (m.startsWith("</") ? "</table>" : "")).replaceAll('<pre tabindex="0"', "<pre")).toBe(html);
      }),
      { numRuns: 150 },
    );
  });
});
