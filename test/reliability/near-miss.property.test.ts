import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createIssueRenderer } from "../../src/content/render-issue.js";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { generateSite, fixtureInput, fixtureNames } from "../helpers/fixtures.js";
import { join } from "node:path";

const render = createIssueRenderer({ components: [...DEFAULT_COMPONENTS], languages: ["ja", "en"], defaultLang: "ja", basePath: "/" });
const HEAD = "---\ntitle: \"x\"\nissue: 1\ndate: 2011-04-01\n---\n\n";

/** A paragraph whose text starts with three colons, ASCII or full-width: what must never be published. */
const COLON_PARAGRAPH = /<p(?:\s[^>]*)?>\s*(?::::|：：：)/;

// Lines that open, close or almost open blocks, mixed with ordinary Markdown.
const pieces = [
  ':::release{component="pacemaker" status="planned"}', ':::release {component="pacemaker" status="planned"}', '::: release{component="pacemaker" status="planned"}',
  '：：：release{component="pacemaker" status="planned"}', ":::", "::::", ":::qa", '::qa{components="pacemaker"}', "\\:::x", "&#58;::x", "&#x3A;&#x3A;: y",
  "> :::", "- :::", "1. :::stonith", "text", "", "---", "```", "    ::: indented code", "`:::` in code", "*:::*", "<p>:::</p>", ": : :", "：：：", "::: ",
  ':::release{component="pacemaker" status="planned"} tail', ':::release{component="pacemaker" title="a \\"b\\""}', ':::stonith{device="x"', "|a|b|", "|-|-|", "| ::: | x |",
];
const bodies = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 14 }).map((lines) => `${lines.join("\n")}\n`);

describe("no paragraph that starts with ::: is ever published", () => {
  it("property: any mix of block-like lines either fails with located errors or renders no such paragraph", () => {
    fc.assert(
      fc.property(bodies, (body) => {
        const result = render("content/issues/2011/2011-04.md", Buffer.from(HEAD + body, "utf8"));
        if (!result.ok) {
          for (const message of result.messages) expect(message.line ?? 0).toBeGreaterThanOrEqual(7);
          return;
        }
        const { html, blocks } = result.value.body;
        const parts = [html, ...blocks.flatMap((b) => (b.kind === "qa" ? [b.questionHtml, b.answerHtml] : [b.bodyHtml]))];
        for (const part of parts) expect(part).not.toMatch(COLON_PARAGRAPH);
      }),
      { numRuns: 1500 },
    );
  });

  it("crawl: no page, feed or data file of the sample site or of any output fixture holds one", async () => {
    const roots = [join(import.meta.dirname, "..", ".."), ...fixtureNames("output").map(fixtureInput)];
    let files = 0;
    for (const root of roots) {
      const { output } = await generateSite(root, { drafts: true, future: true });
      for (const path of output.paths()) {
        if (!/\.(html|xml|json)$/.test(path)) continue;
        files++;
        expect(output.text(path) ?? "", `${root}: ${path}`).not.toMatch(COLON_PARAGRAPH);
      }
    }
    expect(files).toBeGreaterThan(100);
  });
});
