/**
 * Which bytes a Range header asks for. Oracle: the examples of RFC 9110
 * §14.1.2 for a 10,000-byte file, written out by hand.
 */
import { describe, expect, it } from "vitest";
import { byteRange } from "../../src/dev/byte-range.js";

describe("byteRange, for a file of 10,000 bytes", () => {
  it.each([
    ["bytes=0-499", { start: 0, end: 499 }],
    ["bytes=500-999", { start: 500, end: 999 }],
    ["bytes=-500", { start: 9500, end: 9999 }],
    ["bytes=9500-", { start: 9500, end: 9999 }],
    ["bytes=9500-20000", { start: 9500, end: 9999 }],
    ["bytes=0-0", { start: 0, end: 0 }],
    ["bytes=-20000", { start: 0, end: 9999 }],
  ])("%s is bytes %o", (header, range) => {
    expect(byteRange(header, 10_000)).toEqual(range);
  });

  it.each(["bytes=10000-", "bytes=20000-20010", "bytes=-0"])("%s is outside the file (416)", (header) => {
    expect(byteRange(header, 10_000)).toBe("unsatisfiable");
  });

  it.each([undefined, "", "bytes=-", "bytes=500-100", "items=0-5", "bytes=0-1,5-6", "bytes=a-b"])("%s is the whole file", (header) => {
    expect(byteRange(header, 10_000)).toBeUndefined();
  });
});
