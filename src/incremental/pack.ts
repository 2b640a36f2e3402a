import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
import { crc32 } from "node:zlib";
import { writeFileAtomic } from "../write/atomic-file.js";

/**
 * Many cache entries in one file: [magic] then records of
 * [32-byte key][u32 payload length][u32 crc32 of key+payload][payload].
 * Opening reads only the record headers; a payload is read, and its
 * checksum verified, when it is first asked for, so a damaged entry is
 * never served and entries nobody reads (a page whose file is already in
 * the output) cost nothing. New entries are appended; a later record for a
 * key wins.
 */
const MAGIC = Buffer.from("GEKKANPACK2\n");
const KEY_BYTES = 32;
const HEADER_BYTES = KEY_BYTES + 8;
/** Headers are read through a window this big: small records need no read of their own. */
const WINDOW_BYTES = 64 * 1024;
/** A pack up to this size is read in one go (one read beats thousands of small ones when most entries are used). */
const WHOLE_BYTES = 32 * 1024 * 1024;

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

  private data: Buffer | undefined;

  private constructor(private fd: number | undefined, readonly size: number, readonly missing: boolean) {}

  /** Opens a pack; a missing file is empty, a damaged one keeps the records before the damage. */
  static open(path: string): Pack {
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Pack(undefined, 0, true);
      throw error;
    }
    const pack = new Pack(fd, fstatSync(fd).size, false);
    if (pack.size <= WHOLE_BYTES) pack.data = pack.readAt(0, pack.size);
    pack.index();
    return pack;
  }

  keys(): string[] {
    return [...this.slots.keys()];
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  /** Payload bytes of a record (0 when absent), without reading it. */
  sizeOf(key: string): number {
    const slot = this.slots.get(key);
    return slot === undefined ? 0 : slot.end - slot.start;
  }

  /** The payload stored for `key`, or undefined when absent or damaged. */
  get(key: string): Buffer | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined || this.fd === undefined) return undefined;
    const payload = this.readAt(slot.start, slot.end - slot.start);
    if (payload.length !== slot.end - slot.start || crc32(payload, crc32(slot.key)) !== slot.checksum) {
      this.slots.delete(key);
      this.damaged = true;
      return undefined;
    }
    return payload;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.data = undefined;
  }

  private readAt(position: number, length: number): Buffer {
    if (this.data !== undefined) return this.data.subarray(position, position + length);
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const got = readSync(this.fd as number, buffer, done, length - done, position + done);
      if (got === 0) break;
      done += got;
    }
    return done === length ? buffer : buffer.subarray(0, done);
  }

  private index(): void {
    if (this.size < MAGIC.length || !this.readAt(0, MAGIC.length).equals(MAGIC)) {
      this.damaged = true;
      return;
    }
    let window: Buffer = Buffer.alloc(0);
    let windowAt = 0;
    let at = MAGIC.length;
    while (at + HEADER_BYTES <= this.size) {
      if (at < windowAt || at + HEADER_BYTES > windowAt + window.length) {
        window = this.readAt(at, Math.min(WINDOW_BYTES, this.size - at));
        windowAt = at;
      }
      const header = window.subarray(at - windowAt, at - windowAt + HEADER_BYTES);
      if (header.length < HEADER_BYTES) break;
      const start = at + HEADER_BYTES;
      const end = start + header.readUInt32LE(KEY_BYTES);
      // A torn append (a build killed while writing) ends the readable part.
      if (end > this.size) break;
      const key = Buffer.from(header.subarray(0, KEY_BYTES));
      this.slots.set(key.toString("hex"), { start, end, checksum: header.readUInt32LE(KEY_BYTES + 4), key });
      at = end;
    }
    if (at !== this.size) this.damaged = true;
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
  const pack = Pack.open(path);
  try {
    const entries = new Map<string, Buffer>();
    for (const key of pack.keys()) {
      const payload = pack.get(key);
      if (payload !== undefined) entries.set(key, payload);
    }
    return { entries, damaged: pack.damaged };
  } finally {
    pack.close();
  }
}
