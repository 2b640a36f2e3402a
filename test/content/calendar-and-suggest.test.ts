import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../../src/content/schema.js";
import { didYouMean, editDistance, suggest } from "../../src/suggest.js";
import { didYouMeanLanguage, suggestLanguage } from "../../src/language-name.js";

/**
 * Reference, independent of the implementation: the shape is read character
 * by character (ASCII digits at fixed places, "-" between), and the platform
 * calendar decides whether the day exists by letting it roll over
 * (setUTCFullYear keeps years 0–99 as written).
 */
function referenceIsCalendarDate(text: string): boolean {
  const digits = [0, 1, 2, 3, 5, 6, 8, 9];
  const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
  if (text.length !== 10 || text[4] !== "-" || text[7] !== "-" || !digits.every((i) => isDigit(text[i]))) return false;
  const [y, mo, d] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

describe("isCalendarDate", () => {
  it("examples: leap years, month ends, shapes", () => {
    expect(["2011-04-01", "2012-02-29", "2000-02-29", "2011-12-31", "0001-01-01"].filter(isCalendarDate)).toHaveLength(5);
    expect(["2011-02-30", "2011-02-29", "1900-02-29", "2011-04-31", "2011-13-01", "2011-00-10", "2011-01-00", "2011-4-1", " 2011-04-01", "2011-04-01\n", "２０１１-04-01"].filter(isCalendarDate)).toEqual([]);
  });

  it("property: agrees with the reference for any YYYY-MM-DD-shaped string", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        expect(isCalendarDate(text)).toBe(referenceIsCalendarDate(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("property: agrees with the reference for arbitrary strings", () => {
    fc.assert(fc.property(fc.string(), (text) => isCalendarDate(text) === referenceIsCalendarDate(text)));
  });
});

describe("did you mean", () => {
  const fields = ["title", "issue", "date", "summary", "tags", "draft", "lang", "slug", "authors"];

  it("counts a swap of two neighbouring letters as one typo", () => {
    expect(editDistance("titel", "title")).toBe(1);
    expect(editDistance("verison", "version")).toBe(1);
    expect(suggest("titel", fields)).toBe("title");
    expect(didYouMean("titel", fields)).toBe(' — did you mean "title"?');
    expect(suggest("relase", ["release", "qa", "stonith"])).toBe("release");
  });

  it("a name that differs only in case or width is suggested, however short", () => {
    expect(suggest("QA", ["release", "qa", "stonith"])).toBe("qa");
    expect(suggest("ＳＴＯＮＩＴＨ", ["release", "qa", "stonith"])).toBe("stonith");
    expect(suggest("Released", ["released", "planned", "rc"])).toBe("released");
    expect(suggest("XY", ["release", "qa", "stonith"])).toBeUndefined();
  });

  it("does not suggest unrelated names", () => {
    expect(suggest("colour", ["device", "plugin", "vendor", "hardware", "id"])).toBeUndefined();
    expect(suggest("x", [])).toBeUndefined();
    expect(didYouMean("zzzzzz", fields)).toBe("");
  });

  it("property: edit distance is a metric-like measure (zero on self, symmetric, at most the longer length)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max([...a].length, [...b].length));
        if (a !== b) expect(editDistance(a, b)).toBeGreaterThan(0);
      }),
    );
  });

  it("property: a suggestion is always one of the candidates", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 6 }), (input, candidates) => {
        const best = suggest(input, candidates);
        expect(best === undefined || candidates.includes(best)).toBe(true);
      }),
    );
  });
});

describe("did you mean, for a language", () => {
  const packs = ["en", "ja"];

  it("a case variant, a region, an alias or a language's own name is its locale code", () => {
    const asked = ["JA", "Ja", "ＪＡ", "EN", "ja-JP", "ja_jp", "en-US", "jp", "jpn", "Japanese", "日本語", "english", "英語"];
    expect(asked.map((name) => suggestLanguage(name, packs))).toEqual(["ja", "ja", "ja", "en", "ja", "ja", "en", "ja", "ja", "ja", "ja", "en", "en"]);
    expect(didYouMeanLanguage("japanese", packs)).toBe(' — did you mean "ja"?');
  });

  it("an alias of a language without a pack, or nothing close, suggests nothing", () => {
    expect(["french", "fr-FR", "klingon", "zh"].map((name) => suggestLanguage(name, packs))).toEqual([undefined, undefined, undefined, undefined]);
    expect(suggestLanguage("french", [...packs, "fr"])).toBe("fr");
    expect(didYouMeanLanguage("klingon", packs)).toBe("");
  });
});
