import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isJapaneseKey } from "../../src/content/unclosed-front-matter.js";

// The rule as one pattern, as it was first written: right on short lines, but it backtracks over a long line without a colon
// (test/reliability/hostile-input.test.ts runs such a line through the CLI with a deadline).
const ONE_PATTERN = /^[^:#\s][^:]*[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}][^:]*:(?:[ \t]|$)/u;

// Colons, comment marks, spaces and tabs, Latin, kana, kanji (one outside the BMP: 𠮷), and punctuation a line may start with.
const PIECES = [":", "#", " ", "\t", "a", "Z", "_", "-", "あ", "ア", "概", "要", "𠮷", "「", "\"", "[", "。", "１"];

describe("a field named in Japanese (概要: …), found without backtracking", () => {
  it("agrees with the one-pattern rule on any short line", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join("")), (line) => {
        expect(isJapaneseKey(line)).toBe(ONE_PATTERN.test(line));
      }),
      { numRuns: 20_000 },
    );
  });

  it("the cases the rule is for", () => {
    expect(isJapaneseKey("概要: 今月は")).toBe(true);
    expect(isJapaneseKey("今月の概要:")).toBe(true);
    expect(isJapaneseKey("概: 一文字の名前")).toBe(false);
    expect(isJapaneseKey("title: 概要")).toBe(false);
    expect(isJapaneseKey("# 概要: x")).toBe(false);
    expect(isJapaneseKey("概要:x")).toBe(false);
  });
});
