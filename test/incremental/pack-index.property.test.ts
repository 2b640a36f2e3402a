import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { Pack, writePack } from "../../src/incremental/pack.js";
import { indexPath } from "../../src/incremental/pack-index.js";

/**
 * The index beside a pack is a shortcut for scanning the pack's headers, so
 * it may never change what a pack holds. Oracle: a plain Map of what was
 * written (a later value for a key wins), and the same pack opened with its
 * index deleted. Every step below is something a real cache meets: whole
 * rewrites, appends, a build killed mid-append, an index left from an earlier
 * pack (a crash between writing the pack and its index, or a restored CI
 * cache), a damaged or missing index.
 */
const work = mkdtempSync(join(tmpdir(), "gekkan-pack-index-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Keys low in the key space (one directory bucket of the index) and spread over it, up to the highest.
const KEYS = [...Array.from({ length: 8 }, (_, n) => n.toString(16).padStart(64, "0")), ...Array.from({ length: 7 }, (_, n) => ((n * 0x2493) % 0x10000).toString(16).padStart(4, "0").padEnd(64, String(n))), "f".repeat(64)];
const key = fc.constantFrom(...KEYS);
// Sizes around the header window, so records straddle it and some need a read of their own.
const value = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.integer({ min: 20_000, max: 90_000 }).map((n) => new Uint8Array(n).fill(n % 251)));
const entries = fc.array(fc.tuple(key, value), { maxLength: 6 });
// Weighted so that the hard sequences (keep an index, write or append, put the old index back) come up often.
const step = fc.oneof(
  { arbitrary: entries.map((list) => ({ kind: "write" as const, list })), weight: 2 },
  { arbitrary: entries.map((list) => ({ kind: "append" as const, list })), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 39 }).map((bytes) => ({ kind: "torn" as const, bytes })), weight: 1 },
  { arbitrary: fc.constant({ kind: "keep-index" as const }), weight: 3 },
  { arbitrary: fc.constant({ kind: "restore-index" as const }), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 10_000 }).map((at) => ({ kind: "flip-index" as const, at })), weight: 1 },
  { arbitrary: fc.constant({ kind: "drop-index" as const }), weight: 1 },
);

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function contents(path: string, wholeBytes: number): Map<string, string> {
  const pack = Pack.open(path, wholeBytes);
  try {
    // A key the pack lists but cannot serve shows as "unreadable", which no model value equals.
    const listed = new Map(pack.keys().sort().map((k) => [k, pack.get(k)?.toString("hex") ?? "unreadable"]));
    // A key it does not list, it does not hold either.
    for (const k of KEYS) if (!listed.has(k)) expect([pack.has(k), pack.get(k)]).toEqual([false, undefined]);
    return listed;
  } finally {
    pack.close();
  }
}

async function apply(path: string, s: Step, model: { entries: Map<string, string>; torn: boolean; kept?: Buffer }): Promise<void> {
  const hex = (list: ReadonlyArray<readonly [string, Uint8Array]>) => list.map(([k, v]) => [k, Buffer.from(v).toString("hex")] as const);
  if (s.kind === "write" || (s.kind === "append" && (model.torn || !existsSync(path)))) {
    // As the store does: a damaged or missing pack is written whole.
    await writePack(path, s.list);
    model.entries = new Map(hex(s.list));
    model.torn = false;
  } else if (s.kind === "append") {
    const pack = Pack.open(path);
    try {
      await pack.append(s.list);
    } finally {
      pack.close();
    }
    for (const [k, v] of hex(s.list)) model.entries.set(k, v);
  } else if (s.kind === "torn" && existsSync(path)) {
    appendFileSync(path, Buffer.alloc(s.bytes, 7));
    model.torn = true;
  } else if (s.kind === "keep-index" && existsSync(indexPath(path))) {
    model.kept = readFileSync(indexPath(path));
  } else if (s.kind === "restore-index" && model.kept !== undefined) {
    writeFileSync(indexPath(path), model.kept);
  } else if (s.kind === "flip-index" && existsSync(indexPath(path))) {
    const bytes = readFileSync(indexPath(path));
    const at = s.at % bytes.length;
    bytes[at] = (bytes[at] as number) ^ 0x5a;
    writeFileSync(indexPath(path), bytes);
  } else if (s.kind === "drop-index") {
    rmSync(indexPath(path), { force: true });
  }
}

describe("a pack opened through its index holds what a scan of it holds", () => {
  it.each([
    ["read whole", Number.MAX_SAFE_INTEGER],
    ["read by positional reads", 0],
  ])("for any history of writes, appends, torn appends and stale, damaged or missing indexes (%s)", async (_name, wholeBytes) => {
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 16 }), async (steps) => {
      const path = join(work, `case-${wholeBytes}-${run++}`, "test.pack");
      const model: { entries: Map<string, string>; torn: boolean; kept?: Buffer } = { entries: new Map(), torn: false };
      for (const s of steps) {
        await apply(path, s, model);
        if (!existsSync(path)) continue;
        const expected = new Map([...model.entries].sort(([a], [b]) => (a < b ? -1 : 1)));
        expect(contents(path, wholeBytes)).toEqual(expected);
        // The same pack by scanning alone.
        const index = existsSync(indexPath(path)) ? readFileSync(indexPath(path)) : undefined;
        rmSync(indexPath(path), { force: true });
        expect(contents(path, wholeBytes)).toEqual(expected);
        if (index !== undefined) writeFileSync(indexPath(path), index);
      }
    }), { numRuns: 150 });
  });

  it("an up-to-date index spares the header scan: a pack whose headers are wrecked still opens through it", async () => {
    const path = join(work, "wrecked", "test.pack");
    const list = [1, 2, 3].map((n) => [n.toString(16).padStart(64, "0"), new Uint8Array(70_000).fill(n)] as const);
    await writePack(path, list);
    const bytes = readFileSync(path);
    // Every record's length field (right after its 32-byte key) made to run past the end.
    let at = 12 + 16;
    for (const [, payload] of list) {
      bytes.writeUInt32LE(0xffffffff, at + 32);
      at += 40 + payload.byteLength;
    }
    writeFileSync(path, bytes);
    const viaIndex = contents(path, 0);
    expect([...viaIndex.keys()]).toEqual(list.map(([k]) => k));
    rmSync(indexPath(path));
    // Without the index, the scan stops at the first header: nothing is readable.
    expect(contents(path, 0).size).toBe(0);
  });
});
