import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ContentError } from "../../src/diagnostics.js";
import { generateSite } from "../helpers/fixtures.js";
import { tempSite } from "../helpers/temp-site.js";
import { parseXml } from "../helpers/xml.js";

/** XML 1.0's Char production (§2.2): the oracle for "a feed reader can read this", straight from the spec. */
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

// Mostly the characters that break feeds, mixed with ordinary text and everything else Unicode has.
const tricky = fc.constantFrom("\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u007f", "\u0085", "\u009f", "\ufffe", "\uffff", "\ud800", "\udc00", "\u2028", "\t", "a", "あ", " ", "<", "&");
const text = fc.oneof(fc.string({ unit: tricky, maxLength: 8 }), fc.string({ unit: "binary", maxLength: 8 }));

describe("control characters never reach a page or feed", () => {
  const site = tempSite({ "content/issues/2011/2011-04.md": "" });
  afterAll(() => site.remove());
  const file = join(site.path, "content/issues/2011/2011-04.md");

  it("property: an issue with any characters in its title, summary and text either fails with located errors or builds feeds that are valid XML", async () => {
    await fc.assert(
      fc.asyncProperty(text, text, text, async (title, summary, body) => {
        // JSON escapes (\u001b) are YAML double-quoted escapes too: the value arrives as written.
        writeFileSync(file, `---\ntitle: ${JSON.stringify(`号${title}`)}\nissue: 1\ndate: 2011-04-01\nsummary: ${JSON.stringify(summary)}\n---\n\n本文${body}\n`);
        let output;
        try {
          ({ output } = await generateSite(site.path));
        } catch (error) {
          expect(error).toBeInstanceOf(ContentError);
          for (const message of (error as ContentError).messages) expect(message.line ?? 0).toBeGreaterThanOrEqual(1);
          return;
        }
        for (const path of output.paths()) {
          if (!/\.(xml|html|json)$/.test(path)) continue;
          // The bytes the disk writer writes (a string is encoded as UTF-8), read back as a feed reader would.
          const content = output.get(path) ?? "";
          const decoded = (typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content)).toString("utf8");
          expect(decoded, path).not.toMatch(NOT_XML_CHAR);
          if (path.endsWith(".xml")) expect(() => parseXml(decoded), path).not.toThrow();
        }
      }),
      { numRuns: 60 },
    );
  });
});
