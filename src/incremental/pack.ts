import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../write/atomic-file.js";
import { crc32 } from "node:zlib";

/**
 * One file holding every cache entry: [magic] then records of
 * [32-byte key][u32 payload length][u32 crc32 of key+payload][payload].
 * One read and one write per build instead of thousands of small files.
 */
const MAGIC = Buffer.from("GEKKANPACK1\n");
const KEY_BYTES = 32;
const HEADER_BYTES = KEY_BYTES + 8;

export interface PackContents {
  /** Hex key → payload (a view into the file's buffer). */
  entries: Map<string, Buffer>;
  /** Something was unreadable: a bad magic, a checksum mismatch or a truncated record. */
  damaged: boolean;
}

/** Reads a pack; a missing file is empty, a damaged one keeps only the records before the damage. */
export async function readPack(path: string): Promise<PackContents> {
  const entries = new Map<string, Buffer>();
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { entries, damaged: false };
    throw error;
  }
  if (data.length < MAGIC.length || !data.subarray(0, MAGIC.length).equals(MAGIC)) return { entries, damaged: true };
  let at = MAGIC.length;
  while (at < data.length) {
    if (at + HEADER_BYTES > data.length) return { entries, damaged: true };
    const length = data.readUInt32LE(at + KEY_BYTES);
    const checksum = data.readUInt32LE(at + KEY_BYTES + 4);
    const end = at + HEADER_BYTES + length;
    if (end > data.length) return { entries, damaged: true };
    const key = data.subarray(at, at + KEY_BYTES);
    const payload = data.subarray(at + HEADER_BYTES, end);
    // A corrupt length makes every later offset meaningless: stop at the first bad record.
    if (crc32(payload, crc32(key)) !== checksum) return { entries, damaged: true };
    entries.set(key.toString("hex"), payload);
    at = end;
  }
  return { entries, damaged: false };
}

/**
 * Writes a whole pack atomically (see writeFileAtomic). Records are made
 * one at a time as the file is written: a pack of every page is ~100 MB, and
 * a second copy of it would be the build's peak memory.
 */
export async function writePack(path: string, entries: Iterable<readonly [string, Uint8Array]>): Promise<void> {
  function* records(): Generator<Uint8Array> {
    yield MAGIC;
    for (const [hex, payload] of entries) {
      const key = Buffer.from(hex, "hex");
      if (key.length !== KEY_BYTES) throw new Error(`gekkan bug: cache key is not a sha256: ${hex}`);
      const header = Buffer.allocUnsafe(8);
      header.writeUInt32LE(payload.byteLength, 0);
      header.writeUInt32LE(crc32(payload, crc32(key)), 4);
      yield key;
      yield header;
      yield payload;
    }
  }
  await writeFileAtomic(path, records());
}
