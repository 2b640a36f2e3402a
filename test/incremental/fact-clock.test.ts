/**
 * When a file's fact (its digest, an image's width) is trusted by the file's
 * state alone: only once the file had settled (SETTLED_NS, two seconds) before
 * its bytes were read, by the wall clock the file's ctime is stamped with.
 * Oracle: the test's own waits, and how many times the fact had to be read.
 * A test that moves "today" fakes Date: the rule must not move with it, or a
 * "now" in the future would trust a file written a moment ago, and one in the
 * past would trust none.
 */
import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FileDigests } from "../../src/incremental/file-digests.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

let dir: TempDir | undefined;
afterEach(() => {
  vi.useRealTimers();
  dir?.remove();
  dir = undefined;
});

/** Asks the same FileDigests for one fact of `path` twice; how many times it had to read the file. */
function readsOfTwoAsks(path: string): number {
  const facts = FileDigests.empty();
  let reads = 0;
  const isNumber = (value: unknown): value is number => typeof value === "number";
  for (let i = 0; i < 2; i++) facts.fact(path, "length", statSync(path, { bigint: true }), isNumber, () => (reads++, { value: 7, keep: true }));
  return reads;
}

function newFile(): string {
  dir = tempDir("fact clock ");
  const path = join(dir.path, "photo.png");
  writeFileSync(path, "bytes");
  return path;
}

describe("a fact kept by a file's state", () => {
  it("is trusted once the file had settled before it was read, with Date moved years back", async () => {
    const path = newFile();
    await new Promise((resolve) => setTimeout(resolve, 2100));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2001-01-01T00:00:00Z"));
    expect(readsOfTwoAsks(path)).toBe(1);
  });

  it("is not trusted for a file written a moment before it was read, with Date moved years ahead", () => {
    const path = newFile();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2100-01-01T00:00:00Z"));
    expect(readsOfTwoAsks(path)).toBe(2);
  });

  it("is not trusted for a file written a moment before it was read", () => {
    expect(readsOfTwoAsks(newFile())).toBe(2);
  });
});
