import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMONMARK_VERSION, GFM_VERSION, SPEC_EXAMPLES, type SpecExample } from "./conformance/examples.js";
import { renderExample } from "./conformance/render-example.js";
import { normalizeHtml } from "./conformance/normalize-html.js";
import { undoDeliberate } from "./conformance/deliberate.js";
import expected from "./conformance/expected-differences.json" with { type: "json" };

/**
 * Every CommonMark and GFM spec example through the real issue pipeline,
 * compared with the spec's own HTML. Only what gekkan adds to every document
 * on purpose is undone first (heading ids and self-links, highlighting);
 * everything else that differs must be listed, with its reason, in
 * conformance/expected-differences.json — and a listed example that no
 * longer differs fails too, so the list stays true.
 */
const SUITES = [
  { key: "commonmark", title: `CommonMark ${COMMONMARK_VERSION}` },
  { key: "gfm", title: `GFM spec ${GFM_VERSION}` },
] as const;

function compare(example: SpecExample): { got: string; want: string } {
  const result = renderExample(example.markdown);
  const got = "html" in result ? normalizeHtml(result.html, undoDeliberate) : `build error: ${result.messages.join("; ")}`;
  return { got, want: normalizeHtml(example.html) };
}

for (const { key, title } of SUITES) {
  const listed: Record<string, string> = expected[key];
  describe(`${title} conformance`, () => {
    it.each(SPEC_EXAMPLES[key].map((e) => [`${e.number} (${e.section})`, e] as const))(`${title} example %s`, (_name, example) => {
      const { got, want } = compare(example);
      const reason = listed[String(example.number)];
      if (reason === undefined) {
        expect(got, `markdown: ${JSON.stringify(example.markdown)}`).toBe(want);
      } else {
        expect(got, `listed as an expected difference ("${reason}") but renders as the spec says: remove it from expected-differences.json`).not.toBe(want);
      }
    });

    it("lists only examples that exist, each with a reason", () => {
      const numbers = new Set(SPEC_EXAMPLES[key].map((e) => String(e.number)));
      for (const [number, reason] of Object.entries(listed)) {
        expect(numbers.has(number), `example ${number}`).toBe(true);
        expect(reason.length, `reason for ${number}`).toBeGreaterThan(20);
      }
    });
  });
}

describe("spec data", () => {
  // Every listed example differs and every other one is identical (checked above), so these are the figures.
  it("the README states the conformance figures", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const identical = (key: "commonmark" | "gfm") => SPEC_EXAMPLES[key].length - Object.keys(expected[key]).length;
    expect(readme).toContain(`**${identical("commonmark")} of ${SPEC_EXAMPLES.commonmark.length}** CommonMark`);
    expect(readme).toContain(`**${identical("gfm")} of ${SPEC_EXAMPLES.gfm.length}** GFM`);
  });

  it("has every example of both suites", () => {
    expect(SPEC_EXAMPLES.commonmark).toHaveLength(652);
    expect(SPEC_EXAMPLES.gfm).toHaveLength(677);
    expect(SPEC_EXAMPLES.commonmark.some((e) => e.markdown.includes("\t"))).toBe(true);
  });
});
