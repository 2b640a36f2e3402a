import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstInvalidUtf8 } from "../../src/text-encoding.js";

const strict = new TextDecoder("utf-8", { fatal: true });
const decodes = (bytes: Uint8Array): boolean => {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

// Valid text around the hard shapes: overlong forms, surrogates, code points past U+10FFFF, cut sequences, stray continuation bytes.
const HARD = [[0xc0, 0xaf], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xe0, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf0, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xe3, 0x81], [0xf0, 0x9f, 0x98], [0x80], [0xbf], [0xff], [0xfe]];
const piece = fc.oneof(
  fc.string({ unit: "binary", maxLength: 6 }).map((text) => [...new TextEncoder().encode(text)]),
  fc.constantFrom(...HARD),
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 4 }),
);

/**
 * The place of an encoding error is where the first bad sequence starts: the
 * bytes before it decode (strict TextDecoder, not gekkan's own reading), and
 * the sequence from there, up to four bytes, does not.
 */
describe("firstInvalidUtf8 names where a file stops being UTF-8", () => {
  it("agrees with a strict TextDecoder on every invalid input", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const bytes = Uint8Array.from(pieces.flat());
        fc.pre(!decodes(bytes));
        const at = firstInvalidUtf8(bytes);
        expect(decodes(bytes.subarray(0, at))).toBe(true);
        const from = bytes.subarray(at);
        // The shortest decodable start of the rest would be a valid sequence at `at`.
        for (let length = 1; length <= Math.min(4, from.length); length++) expect(decodes(from.subarray(0, length))).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});
