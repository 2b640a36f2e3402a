import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digest } from "../../src/incremental/digest.js";

/**
 * digest hashes text parts in one call instead of feeding a hash part by
 * part; every key in the caches is one of its digests, so the shortcut must
 * give the very bytes the plain way gives. Oracle: a sha256 fed each part's
 * UTF-8 and then a NUL, one at a time. Hard shapes: no parts, empty parts,
 * parts holding NULs (the separator), lone surrogates at a part's ends
 * (joined, a high one and the next part's low one must not pair up), astral
 * and CJK text, and byte parts mixed in.
 */
const oracle = (parts: ReadonlyArray<string | Uint8Array>) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(typeof part === "string" ? Buffer.from(part, "utf8") : part).update(Buffer.of(0));
  return hash.digest("hex");
};

const piece = fc.constantFrom("", "\0", "\uD800", "\uDC00", "\uD83D", "\uDE00", "😀", "号", "a", "gekkan-view-data-1", "\u0000gekkan-data:");
const text = fc.oneof(fc.string({ unit: "binary" }), fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.join("")));
const bytes = fc.uint8Array({ maxLength: 12 });

describe("digest", () => {
  it("is the sha256 of each part's UTF-8 followed by a NUL, for text parts and mixed ones", () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 5 }), (parts) => {
      expect(digest(...parts)).toBe(oracle(parts));
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.array(fc.oneof(text, bytes), { maxLength: 5 }), (parts) => {
      expect(digest(...parts)).toBe(oracle(parts));
    }), { numRuns: 1000 });
  });

  it("tells apart parts split at different places", () => {
    expect(digest("ab", "c")).not.toBe(digest("a", "bc"));
    expect(digest("\uD83D", "\uDE00")).not.toBe(digest("😀"));
    expect(digest("\uD83D", "\uDE00")).toBe(oracle(["\uD83D", "\uDE00"]));
  });
});
