import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { wellFormed } from "../../src/well-formed.js";
import { issue, tempSite } from "../helpers/temp-site.js";

/**
 * Author text read from YAML or JSON is made well formed: a lone surrogate
 * (only an escape such as "\ud83d" makes one) becomes U+FFFD. Cached pieces
 * of a page are kept as UTF-8, where such a half is U+FFFD already, so a
 * half left in text could pair with its neighbour in an uncached page only.
 * Oracle: a round trip through UTF-8, which writes U+FFFD for a lone half
 * and keeps every whole character.
 */
const viaUtf8 = (text: string) => Buffer.from(text, "utf8").toString("utf8");
const halves = fc.constantFrom("\uD83D", "\uDE00", "\uDBFF", "\uDC00", "😀", "号", "a", "");
const text = fc.oneof(fc.string({ unit: "binary" }), fc.array(halves, { maxLength: 6 }).map((parts) => parts.join("")));

describe("well-formed author text", () => {
  it("replaces each lone half of a pair with U+FFFD and keeps everything else", () => {
    fc.assert(fc.property(text, (value) => {
      expect(wellFormed(value)).toBe(viaUtf8(value));
    }), { numRuns: 2000 });
    // A pair the wrong way round is two lone halves.
    expect(wellFormed("\uDE00\uD83D")).toBe("\uFFFD\uFFFD");
  });

  it("reaches strings in arrays, objects and keys, and leaves other values as they are", () => {
    const date = new Date(0);
    expect(wellFormed({ "k\uD83D": ["a\uDE00", { x: "\uD83D" }, 1, true, null, date] })).toEqual({ "k\uFFFD": ["a\uFFFD", { x: "\uFFFD" }, 1, true, null, date] });
    expect((wellFormed([date]) as unknown[])[0]).toBe(date);
  });

  const site = tempSite({
    "gekkan.config.json": JSON.stringify({ title: "月刊 \uDC00", url: "https://example.org/", authors: ["編集部"] }),
    "content/issues/2011-04-1.md": issue({ title: "題 \uD83D", issue: 1, date: "2011-04-01", lang: "ja" }),
  });
  afterAll(() => site.remove());

  it("is what a build reads from front matter and the config", async () => {
    // issue() and JSON.stringify write the halves as \u escapes, as an author would have to.
    const built = await generate({ root: site.path, now: new Date("2026-01-01T00:00:00Z"), search: false, threads: 0 });
    const feed = JSON.parse(built.output.text("feed.json") ?? "{}") as { title: string; items: Array<{ title: string }> };
    expect(feed.title).toBe("月刊 \uFFFD");
    expect(feed.items[0]?.title).toContain("題 \uFFFD");
    expect(built.output.text("feed.json")).not.toMatch(/\\ud83d|\\udc00/i);
  });
});
