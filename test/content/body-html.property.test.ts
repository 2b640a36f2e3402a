import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deserializeResult, serializeResult } from "../../src/content/serialize-result.js";
import { sameBodyHtml } from "../../src/content/body-html.js";
import type { RenderIssueResult, RenderedIssue } from "../../src/content/render-issue.js";

/** A stored issue result with `html` as its body (the rest of an issue plays no part here). */
function stored(html: string): Uint8Array {
  const value = { issue: { file: "a.md" }, body: { html, blocks: [], outline: [] } } as unknown as RenderedIssue;
  return serializeResult({ ok: true, value } as RenderIssueResult);
}

function bodyOf(bytes: Uint8Array): RenderedIssue["body"] {
  const result = deserializeResult(bytes);
  if (!result.ok) throw new Error("stored result did not come back");
  return result.value.body;
}

// Any UTF-16 text, lone surrogates included (they are stored as U+FFFD's bytes), and near pairs.
const text = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom("a", "日", "\uD800", "\uFFFD", "\uDC00", "\uD83D\uDE00", " ") }));

describe("sameBodyHtml (compares stored bodies without decoding them)", () => {
  it("agrees with comparing the decoded HTML, whichever side was read first", () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), fc.constantFrom("none", "left", "right", "both"), (a, b, same, read) => {
        const left = stored(a);
        const right = stored(same ? a : b);
        // The oracle: two fresh copies, decoded and compared as strings.
        const expected = bodyOf(left).html === bodyOf(right).html;
        const x = bodyOf(left);
        const y = bodyOf(right);
        if (read === "left" || read === "both") void x.html;
        if (read === "right" || read === "both") void y.html;
        expect(sameBodyHtml(x, y)).toBe(expected);
        expect(sameBodyHtml(y, x)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("does not decode bodies whose bytes differ", () => {
    const x = bodyOf(stored("<p>原文</p>"));
    const y = bodyOf(stored("<p>translation</p>"));
    expect(sameBodyHtml(x, y)).toBe(false);
    // Still the lazy getter: reading it was never needed.
    expect(Object.getOwnPropertyDescriptor(x, "html")?.get).toBeTypeOf("function");
    expect(Object.getOwnPropertyDescriptor(y, "html")?.get).toBeTypeOf("function");
    expect(x.html).toBe("<p>原文</p>");
  });
});
