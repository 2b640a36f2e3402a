import { open, readFile } from "node:fs/promises";
import { crc32 } from "node:zlib";
import { writeFileAtomic } from "../write/atomic-file.js";

/**
 * Many cache entries in one file: [magic] then records of
 * [32-byte key][u32 payload length][u32 crc32 of key+payload][payload].
 * One read per build instead of thousands of small files. New entries are
 * appended; a later record for a key wins. Each record's checksum is
 * verified when the record is first used, so a damaged entry is never
 * served and entries nobody asks for cost nothing.
 */
const MAGIC = Buffer.from("GEKKANPACK2\n");
const KEY_BYTES = 32;
const HEADER_BYTES = KEY_BYTES + 8;

interface Slot {
  start: number;
  end: number;
  checksum: number;
  key: Buffer;
}

export class Pack {
  private readonly slots = new Map<string, Slot>();
  /** A record could not be read (truncated, a bad magic) or failed its checksum. */
  damaged = false;

  private constructor(private readonly data: Buffer, readonly missing: boolean) {}

  /** Reads a pack; a missing file is empty, a damaged one keeps the records before the damage. */
  static async read(path: string): Promise<Pack> {
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Pack(Buffer.alloc(0), true);
      throw error;
    }
    const pack = new Pack(data, false);
    pack.index();
    return pack;
  }

  /** Bytes in the file (live and dead records). */
  get size(): number {
    return this.data.length;
  }

  keys(): string[] {
    return [...this.slots.keys()];
  }

  /** The payload stored for `key` (a view into the file's buffer), or undefined when absent or damaged. */
  get(key: string): Buffer | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    const payload = this.data.subarray(slot.start, slot.end);
    if (crc32(payload, crc32(slot.key)) !== slot.checksum) {
      this.slots.delete(key);
      this.damaged = true;
      return undefined;
    }
    return payload;
  }

  private index(): void {
    if (this.data.length < MAGIC.length || !this.data.subarray(0, MAGIC.length).equals(MAGIC)) {
      this.damaged = true;
      return;
    }
    let at = MAGIC.length;
    while (at < this.data.length) {
      const start = at + HEADER_BYTES;
      if (start > this.data.length) break;
      const end = start + this.data.readUInt32LE(at + KEY_BYTES);
      // A torn append (a build killed while writing) ends the readable part.
      if (end > this.data.length) break;
      const key = this.data.subarray(at, at + KEY_BYTES);
      this.slots.set(key.toString("hex"), { start, end, checksum: this.data.readUInt32LE(at + KEY_BYTES + 4), key });
      at = end;
    }
    if (at !== this.data.length) this.damaged = true;
  }
}

function* records(entries: Iterable<readonly [string, Uint8Array]>): Generator<Uint8Array> {
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

/** Writes a whole pack atomically (see writeFileAtomic), records made one at a time as the file is written. */
export async function writePack(path: string, entries: Iterable<readonly [string, Uint8Array]>): Promise<void> {
  function* all(): Generator<Uint8Array> {
    yield MAGIC;
    yield* records(entries);
  }
  await writeFileAtomic(path, all());
}

/**
 * Adds records at the end of an existing, whole pack. A build killed while
 * appending leaves a torn last record, which the next read stops at.
 */
export async function appendPack(path: string, entries: Iterable<readonly [string, Uint8Array]>): Promise<void> {
  const handle = await open(path, "a");
  try {
    await handle.writev([...records(entries)]);
  } finally {
    await handle.close();
  }
}

/** Reads a pack whole, verified: every entry that passes its checksum. For tests and tools. */
export async function readPack(path: string): Promise<{ entries: Map<string, Buffer>; damaged: boolean }> {
  const pack = await Pack.read(path);
  const entries = new Map<string, Buffer>();
  for (const key of pack.keys()) {
    const payload = pack.get(key);
    if (payload !== undefined) entries.set(key, payload);
  }
  return { entries, damaged: pack.damaged };
}
