import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SlotTable, type PackSlot } from "../../src/incremental/slot-table.js";

/**
 * A slot table is looked up in place through a directory of its keys' first
 * bits, and merged with later changes when written. Oracle: a plain Map.
 * Keys come from a pool built to hit the directory's edges: the lowest and
 * highest keys, keys sharing their first two bytes (one bucket), keys one
 * bit apart at the bucket boundary, and evenly spread ones.
 */
const hex = (bytes: number[]) => Buffer.from([...bytes, ...new Array(32 - bytes.length).fill(0)]).toString("hex");
const POOL = [
  hex([]), "f".repeat(64), hex([0, 0, 0, 1]), hex([0x12, 0x34]), hex([0x12, 0x34, 1]), hex([0x12, 0x34, 0xff]), hex([0x12, 0x35]),
  hex([0x7f, 0xff]), hex([0x80, 0x00]), hex([0x80, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
  ...Array.from({ length: 14 }, (_, i) => hex([(i * 37 + 5) & 0xff, (i * 91) & 0xff, i])),
];
const key = fc.constantFrom(...POOL);
const slot = fc.record({ start: fc.nat({ max: 2 ** 40 }), length: fc.nat({ max: 2 ** 31 }), checksum: fc.nat({ max: 2 ** 32 - 1 }) })
  .map(({ start, length, checksum }): PackSlot => ({ start, end: start + length, checksum }));
const op = fc.oneof(
  fc.tuple(fc.constant("set" as const), key, slot),
  fc.tuple(fc.constant("delete" as const), key),
  fc.constant(["reopen" as const] as const),
);

/** The merged table written, then looked up in place, as the index does. */
function reopened(table: SlotTable): SlotTable {
  const again = SlotTable.of(Buffer.from(table.table()));
  if (again === undefined) throw new Error("a table's own merge came out of order");
  return again;
}

function agrees(table: SlotTable, model: Map<string, PackSlot>): void {
  for (const k of POOL) {
    expect(table.get(k)).toEqual(model.get(k));
    expect(table.has(k)).toBe(model.has(k));
  }
  expect(table.size).toBe(model.size);
  expect([...table.keys()]).toEqual([...model.keys()].sort());
}

describe("a slot table holds what a map of its changes holds", () => {
  it("through any sets, deletes and rewrites of its sorted table", () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
      const model = new Map<string, PackSlot>();
      let table = SlotTable.empty();
      for (const o of ops) {
        if (o[0] === "set") {
          table.set(o[1], o[2]);
          model.set(o[1], o[2]);
        } else if (o[0] === "delete") {
          table.delete(o[1]);
          model.delete(o[1]);
        } else {
          table = reopened(table);
        }
        agrees(table, model);
      }
    }), { numRuns: 300 });
  });

  it("a table of thousands of evenly spread keys finds each of them and no other", () => {
    const keys = Array.from({ length: 5000 }, (_, i) => Buffer.from(new Float64Array([Math.sin(i + 1) * 1e9, i, i * 7, i * 13]).buffer).toString("hex"));
    const built = SlotTable.empty();
    keys.forEach((k, i) => built.set(k, { start: i, end: i * 2, checksum: i }));
    const table = reopened(built);
    keys.forEach((k, i) => expect(table.get(k)).toEqual({ start: i, end: i * 2, checksum: i }));
    expect(table.has("0".repeat(63) + "9")).toBe(false);
    // Not a sha256 in lowercase hex: never found, even when its bytes would be.
    expect(table.has((keys[0] as string).toUpperCase())).toBe(false);
    expect(table.has((keys[0] as string).slice(0, 62))).toBe(false);
  });

  it("a table whose keys do not rise strictly is refused: a lookup relies on the order", () => {
    const built = SlotTable.empty();
    for (const k of POOL) built.set(k, { start: 1, end: 2, checksum: 3 });
    const bytes = Buffer.from(built.table());
    expect(SlotTable.of(bytes)).toBeDefined();
    const ENTRY = bytes.length / POOL.length;
    // Two neighbours swapped; then one key twice.
    const swapped = Buffer.concat([bytes.subarray(ENTRY, 2 * ENTRY), bytes.subarray(0, ENTRY), bytes.subarray(2 * ENTRY)]);
    expect(SlotTable.of(swapped)).toBeUndefined();
    const twice = Buffer.concat([bytes.subarray(0, ENTRY), bytes.subarray(0, ENTRY), bytes.subarray(2 * ENTRY)]);
    expect(SlotTable.of(twice)).toBeUndefined();
    // Keys equal in their first four bytes, out of order further on.
    const sharing = [hex([0x12, 0x34, 0xff]), hex([0x12, 0x34, 1])].map((k) => Buffer.concat([Buffer.from(k, "hex"), Buffer.alloc(ENTRY - 32)]));
    expect(SlotTable.of(Buffer.concat(sharing))).toBeUndefined();
  });
});
