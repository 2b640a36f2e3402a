import { readFileSync } from "node:fs";
import { crc32 } from "node:zlib";
import { writeFileAtomic } from "../write/atomic-file.js";

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
 * [count × (32-byte key, f64 start, u32 length, u32 checksum)][u32 crc32 of all before].
 */
const MAGIC = Buffer.from("GEKKANIDX1\n");
export const PACK_ID_BYTES = 16;
/** A record key: a sha256. */
export const KEY_BYTES = 32;
const ENTRY_BYTES = KEY_BYTES + 16;
const HEAD_BYTES = MAGIC.length + PACK_ID_BYTES + 12;

/** Where a record's payload is, and its checksum. Its key is the map key (hex): no buffer per record, since a pack holds tens of thousands. */
export interface PackSlot {
  start: number;
  end: number;
  checksum: number;
}

export interface PackIndex {
  /** Bytes of the pack the slots account for (from its start). */
  covered: number;
  slots: Map<string, PackSlot>;
}

export const indexPath = (packPath: string): string => `${packPath}.idx`;

/** The index of the pack with `id` and `size` bytes, or undefined when there is no usable one. */
export function readPackIndex(packPath: string, id: Buffer, size: number): PackIndex | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(indexPath(packPath));
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
  const slots = new Map<string, PackSlot>();
  for (let at = HEAD_BYTES; at < body.length; at += ENTRY_BYTES) {
    const start = body.readDoubleLE(at + KEY_BYTES);
    const end = start + body.readUInt32LE(at + KEY_BYTES + 8);
    if (end > covered) return undefined;
    slots.set(body.toString("hex", at, at + KEY_BYTES), { start, end, checksum: body.readUInt32LE(at + KEY_BYTES + 12) });
  }
  return { covered, slots };
}

/** Writes the index of the pack with `id` (atomically: a reader sees the old index or the new one). */
export async function writePackIndex(packPath: string, id: Buffer, index: PackIndex): Promise<void> {
  const body = Buffer.alloc(HEAD_BYTES + index.slots.size * ENTRY_BYTES);
  MAGIC.copy(body, 0);
  id.copy(body, MAGIC.length);
  body.writeDoubleLE(index.covered, MAGIC.length + PACK_ID_BYTES);
  body.writeUInt32LE(index.slots.size, MAGIC.length + PACK_ID_BYTES + 8);
  let at = HEAD_BYTES;
  for (const [key, slot] of index.slots) {
    if (body.write(key, at, KEY_BYTES, "hex") !== KEY_BYTES) throw new Error(`gekkan bug: cache key is not a sha256: ${key}`);
    body.writeDoubleLE(slot.start, at + KEY_BYTES);
    body.writeUInt32LE(slot.end - slot.start, at + KEY_BYTES + 8);
    body.writeUInt32LE(slot.checksum, at + KEY_BYTES + 12);
    at += ENTRY_BYTES;
  }
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32LE(crc32(body));
  await writeFileAtomic(indexPath(packPath), [body, trailer]);
}
