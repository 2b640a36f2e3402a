import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ContentError } from "../../src/diagnostics.js";
import { generateSite } from "../helpers/fixtures.js";
import { tempSite, writeFiles, type TempDir } from "../helpers/temp-site.js";

const FILE = "content/issues/2011/2011-04.md";

function decode(html: string): string {
  return html.replace(/&(lt|gt|quot|amp|#34|#39|#x27);/g, (_, name: string) => ({ lt: "<", gt: ">", quot: '"', amp: "&", "#34": '"', "#39": "'", "#x27": "'" })[name] ?? "");
}

/** Text a hostile or careless author might type: markup, quotes, entities, Japanese, emoji. */
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "/", "=", " ", "a", "s", "c", "r", "i", "p", "t", "月", "号", "；", "&amp;", "&#60;", "-->", "]]>", "{{", "}}", "{%", "%}"), minLength: 1, maxLength: 30 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }),
).filter((s) => s.trim().length > 0);

/** A whole `{{ … }}` or `{% … %}` on one line: refused as a template placeholder left in (written here independently of src/placeholder.ts). */
const PLACEHOLDER = /\{\{[^\n]*?\}\}|\{%[^\n]*?%\}/;

describe("titles and summaries are text, whatever they contain", () => {
  let site: TempDir | undefined;
  afterAll(() => site?.remove());

  it("property: the page <title>, <h1> and meta description show exactly the text, never raw markup", async () => {
    site = tempSite({});
    const root = site.path;
    await fc.assert(
      fc.asyncProperty(text, text, async (title, summary) => {
        writeFiles(root, { [FILE]: `---\ntitle: ${JSON.stringify(title)}\nissue: 1\ndate: 2011-04-01\nsummary: ${JSON.stringify(summary)}\n---\n\n本文。\n` });
        if (PLACEHOLDER.test(title) || PLACEHOLDER.test(summary)) {
          // Never published: the build stops at the field, whatever else the text holds.
          const error = await generateSite(root).then(() => undefined, (e: unknown) => e);
          expect(error).toBeInstanceOf(ContentError);
          const rules = (error as ContentError).messages.map((m) => m.ruleId);
          expect(rules).toContain("template-placeholder");
          return;
        }
        const { output } = await generateSite(root);
        const page = output.text("issues/2011-04/index.html") ?? "";
        const titleElement = /<title>([^]*?)<\/title>/.exec(page)?.[1];
        expect(titleElement).toBeDefined();
        expect(titleElement).not.toContain("<");
        expect(decode(titleElement ?? "")).toBe(`${title.trim()} (2011年4月号) | テスト月刊`);
        const h1 = /<h1>([^]*?)<\/h1>/.exec(page)?.[1] ?? "";
        expect(h1).not.toContain("<");
        expect(decode(h1)).toBe(title.trim());
        const description = /<meta name="description" content="([^"]*)">/.exec(page)?.[1];
        expect(description).toBeDefined();
        expect(description).not.toMatch(/[<>]/);
        expect(decode(description ?? "")).toBe(summary);
      }),
      { numRuns: 40 },
    );
  });
});
