import { crc32 } from "node:zlib";
import { writeFileAtomic } from "../write/atomic-file.js";
import { ENTRY_BYTES, KEY_BYTES, SlotTable } from "./slot-table.js";
import { readRegularFile } from "../regular-file.js";

/**
 * Where a pack's records are, kept beside it (`<pack>.idx`) so opening a
 * pack of thousands of records is one small read instead of one read per
 * few headers. The index is only ever a shortcut for scanning the pack's
 * headers: it names the pack it describes (the pack's random id) and how
 * many of its bytes it covers; records appended after that are scanned as
 * before, and an index that is missing, damaged or for another pack is
 * ignored. Payloads are still checked against their checksums when read.
 *
 * Layout: [magic][16-byte pack id][f64 covered bytes][u32 count]
 * [count × (32-byte key, f64 start, u32 length, u32 checksum), in key order,
 * each key once][u32 crc32 of all before]. The entries are looked up where
 * they lie (see SlotTable).
 */
const MAGIC = Buffer.from("GEKKANIDX2\n");
export const PACK_ID_BYTES = 16;
const HEAD_BYTES = MAGIC.length + PACK_ID_BYTES + 12;

export interface PackIndex {
  /** Bytes of the pack the slots account for (from its start). */
  covered: number;
  slots: SlotTable;
}

export const indexPath = (packPath: string): string => `${packPath}.idx`;

/** The index of the pack with `id` and `size` bytes, or undefined when there is no usable one. */
export function readPackIndex(packPath: string, id: Buffer, size: number): PackIndex | undefined {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(indexPath(packPath));
  } catch {
    return undefined;
  }
  if (bytes.length < HEAD_BYTES + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const body = bytes.subarray(0, bytes.length - 4);
  if (crc32(body) !== bytes.readUInt32LE(body.length)) return undefined;
  if (!body.subarray(MAGIC.length, MAGIC.length + PACK_ID_BYTES).equals(id)) return undefined;
  const covered = body.readDoubleLE(MAGIC.length + PACK_ID_BYTES);
  const count = body.readUInt32LE(MAGIC.length + PACK_ID_BYTES + 8);
  if (covered > size || body.length !== HEAD_BYTES + count * ENTRY_BYTES) return undefined;
  const table = body.subarray(HEAD_BYTES);
  const slots = withinCovered(table, covered) ? SlotTable.of(table) : undefined;
  return slots === undefined ? undefined : { covered, slots };
}

/** Every slot ends within the bytes the index covers. */
function withinCovered(table: Buffer, covered: number): boolean {
  for (let at = 0; at < table.length; at += ENTRY_BYTES) {
    if (table.readDoubleLE(at + KEY_BYTES) + table.readUInt32LE(at + KEY_BYTES + 8) > covered) return false;
  }
  return true;
}

/** Writes the index of the pack with `id` (atomically: a reader sees the old index or the new one). */
export async function writePackIndex(packPath: string, id: Buffer, index: PackIndex): Promise<void> {
  const table = index.slots.table();
  const head = Buffer.alloc(HEAD_BYTES);
  MAGIC.copy(head, 0);
  id.copy(head, MAGIC.length);
  head.writeDoubleLE(index.covered, MAGIC.length + PACK_ID_BYTES);
  head.writeUInt32LE(table.length / ENTRY_BYTES, MAGIC.length + PACK_ID_BYTES + 8);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32LE(crc32(table, crc32(head)));
  await writeFileAtomic(indexPath(packPath), [head, table, trailer]);
}
