/**
 * The digests of large public files kept between runs by each file's state
 * (file-digests.ts) must name the bytes the file holds now, whatever was
 * done to it since: the up-to-date check trusts them instead of reading.
 * Writes that keep the size and set the mtime back, a new inode under the
 * same name, writes just after a digest was taken (within the file
 * system's clock granularity), growth and shrinking, each between runs
 * that read the digests back from disk. Oracle: coreutils `sha256sum`.
 */
import { execFileSync } from "node:child_process";
import { closeSync, openSync, readSync, renameSync, statSync, truncateSync, utimesSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { FileDigests } from "../../src/incremental/file-digests.js";
import { openRegularFile } from "../../src/regular-file.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";
import { bytesRead } from "../helpers/bytes-read.js";

const SIZE = 17 * 1024 * 1024;
const SLICE = Buffer.alloc(1024 * 1024);

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  dir = undefined;
});

const sha256sum = (path: string) => `sha256:${execFileSync("sha256sum", ["-b", path], { encoding: "utf8" }).split(" ")[0] ?? ""}`;

/** One run's digest of `path`: digests read from the cache folder, asked once, saved back. */
async function run(cache: string, path: string): Promise<string> {
  const digests = FileDigests.read(cache);
  const fd = openRegularFile(path);
  try {
    return digests.of(path, fd, SLICE);
  } finally {
    closeSync(fd);
    await digests.save(cache);
  }
}


type Op =
  | { kind: "flip"; at: number; keepTimes: boolean }
  | { kind: "grow"; by: number }
  | { kind: "shrink"; by: number }
  | { kind: "replace"; byte: number }
  | { kind: "none" };

const ops = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant("flip" as const), at: fc.nat(SIZE - 1), keepTimes: fc.boolean() }),
    fc.record({ kind: fc.constant("grow" as const), by: fc.integer({ min: 1, max: 4096 }) }),
    fc.record({ kind: fc.constant("shrink" as const), by: fc.integer({ min: 1, max: 4096 }) }),
    fc.record({ kind: fc.constant("replace" as const), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.constant({ kind: "none" as const }),
  ),
  { minLength: 1, maxLength: 6 },
);

/** Does `op` to the file, as an author's tools could: in place, with its times put back, or as a new file renamed over it. */
function apply(path: string, op: Op): void {
  const stat = statSync(path);
  if (op.kind === "flip") {
    const fd = openSync(path, "r+");
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, op.at % stat.size);
    writeSync(fd, Buffer.from([(byte[0] ?? 0) ^ 0xff]), 0, 1, op.at % stat.size);
    closeSync(fd);
    if (op.keepTimes) utimesSync(path, stat.atime, stat.mtime);
  } else if (op.kind === "grow") {
    truncateSync(path, stat.size + op.by);
  } else if (op.kind === "shrink") {
    truncateSync(path, Math.max(SIZE, stat.size - op.by));
  } else if (op.kind === "replace") {
    writeFileSync(`${path}.new`, Buffer.alloc(stat.size, op.byte));
    utimesSync(`${path}.new`, stat.atime, stat.mtime);
    renameSync(`${path}.new`, path);
  }
}

describe("digests of large files kept between runs", () => {
  it("name the bytes the file holds now, after any sequence of changes", async () => {
    dir = tempDir("file digests ");
    const cache = join(dir.path, "cache");
    const path = join(dir.path, "video.mp4");
    await fc.assert(
      fc.asyncProperty(ops, fc.integer({ min: 0, max: 255 }), async (sequence, fill) => {
        writeFileSync(path, Buffer.alloc(SIZE, fill));
        // Whole seconds, so a tool that puts the times back (utimes) puts them back exactly.
        utimesSync(path, 1_300_000_000, 1_300_000_000);
        // Settled before it is read, so its digest is one the next run trusts: the path a change must not fool.
        await new Promise((resolve) => setTimeout(resolve, 2100));
        expect(await run(cache, path)).toBe(sha256sum(path));
        for (const op of sequence) {
          apply(path, op);
          expect(await run(cache, path)).toBe(sha256sum(path));
        }
      }),
      { numRuns: 8 },
    );
  }, 240_000);

  it("are trusted for a file that settled before it was read: a second run reads none of it, a change since is read", async () => {
    dir = tempDir("file digests ");
    const cache = join(dir.path, "cache");
    const path = join(dir.path, "video.mp4");
    writeFileSync(path, Buffer.alloc(4 * SIZE, 1));
    utimesSync(path, 1_300_000_000, 1_300_000_000);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await run(cache, path)).toBe(sha256sum(path));
    const before = bytesRead();
    const trusted = await run(cache, path);
    // sha256sum runs in its own process; this one read the cache file and nothing of the video.
    expect(bytesRead() - before).toBeLessThan(SIZE);
    expect(trusted).toBe(sha256sum(path));
    apply(path, { kind: "flip", at: 12345, keepTimes: true });
    expect(statSync(path).mtimeMs).toBe(1_300_000_000_000);
    const changed = bytesRead();
    const read = await run(cache, path);
    expect(bytesRead() - changed).toBeGreaterThanOrEqual(4 * SIZE);
    expect(read).toBe(sha256sum(path));
  }, 60_000);

  it("are not trusted for a file written just before it was read: it is read every time until it has settled", async () => {
    dir = tempDir("file digests ");
    const cache = join(dir.path, "cache");
    const path = join(dir.path, "video.mp4");
    writeFileSync(path, Buffer.alloc(SIZE, 3));
    expect(await run(cache, path)).toBe(sha256sum(path));
    const before = bytesRead();
    const again = await run(cache, path);
    expect(bytesRead() - before).toBeGreaterThanOrEqual(SIZE);
    expect(again).toBe(sha256sum(path));
  }, 60_000);
});

describe("digests taken with the event loop free between slices (gekkan dev's, held in memory)", () => {
  it("name the bytes the file holds now and how many there are, after any sequence of changes, and trust a settled file alike", async () => {
    dir = tempDir("file digests ");
    const path = join(dir.path, "video.mp4");
    await fc.assert(
      fc.asyncProperty(ops, fc.integer({ min: 0, max: 255 }), async (sequence, fill) => {
        const digests = FileDigests.yielding();
        const hash = async () => {
          const fd = openRegularFile(path);
          try {
            return await digests.hashedAsync(path, fd);
          } finally {
            closeSync(fd);
          }
        };
        writeFileSync(path, Buffer.alloc(SIZE, fill));
        utimesSync(path, 1_300_000_000, 1_300_000_000);
        await new Promise((resolve) => setTimeout(resolve, 2100));
        expect(await hash()).toEqual({ digest: sha256sum(path), size: SIZE });
        const before = bytesRead();
        const trusted = await hash();
        // Settled when first read: the second asking reads none of it (measured before sha256sum, whose reads count here).
        expect(bytesRead() - before).toBeLessThan(SIZE);
        expect(trusted).toEqual({ digest: sha256sum(path), size: SIZE });
        for (const op of sequence) {
          apply(path, op);
          expect(await hash()).toEqual({ digest: sha256sum(path), size: statSync(path).size });
        }
      }),
      { numRuns: 4 },
    );
  }, 240_000);

  it("give the bytes actually hashed of a file that grew while it was read, and a name no state of it has", async () => {
    dir = tempDir("file digests ");
    const path = join(dir.path, "video.mp4");
    writeFileSync(path, Buffer.alloc(SIZE, 7));
    const slice = Buffer.alloc(1024 * 1024);
    const fd = openRegularFile(path);
    try {
      const hashing = FileDigests.yielding().hashedAsync(path, fd, slice);
      // The first slice read (its bytes are 7s): its size was taken before, and 16 slices are still to come.
      while (slice[0] !== 7) await new Promise((resolve) => setImmediate(resolve));
      truncateSync(path, SIZE + 4096);
      const { digest, size } = await hashing;
      expect(size).toBe(SIZE + 4096);
      expect(digest).toBe(`${sha256sum(path)}:changing ${SIZE + 4096}`);
    } finally {
      closeSync(fd);
    }
  }, 60_000);
});
