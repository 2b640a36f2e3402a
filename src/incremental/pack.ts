import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
import { crc32 } from "node:zlib";
import { writeFileAtomic } from "../write/atomic-file.js";
import { openRegularFile } from "../regular-file.js";
import { PACK_ID_BYTES, readPackIndex, writePackIndex } from "./pack-index.js";
import { KEY_BYTES, SlotTable, assertKey, type PackSlot } from "./slot-table.js";

/**
 * Many cache entries in one file: [magic][16-byte random pack id] then
 * records of [32-byte key][u32 payload length][u32 crc32 of key+payload][payload].
 * Opening reads the index beside the pack (see pack-index.ts) and scans
 * only the record headers it does not cover; a payload is read, and its
 * checksum verified, when it is first asked for, so a damaged entry is
 * never served and entries nobody reads (a page whose file is already in
 * the output) cost nothing. New entries are appended; a later record for a
 * key wins.
 */
const MAGIC = Buffer.from("GEKKANPACK3\n");
const HEAD_BYTES = MAGIC.length + PACK_ID_BYTES;
const HEADER_BYTES = KEY_BYTES + 8;
/** Headers are read through a window this big: small records need no read of their own. */
const WINDOW_BYTES = 64 * 1024;
/** A pack up to this size is read in one go (one read beats thousands of small ones when most entries are used). */
const WHOLE_BYTES = 32 * 1024 * 1024;

export class Pack {
  private slots = SlotTable.empty();
  /** A record could not be read (truncated, a bad magic) or failed its checksum. */
  damaged = false;
  /** The pack's id (empty when missing or unreadable). */
  private id: Buffer = Buffer.alloc(0);
  /** Bytes the slots account for; the index beside the pack is up to date when it covers them all. */
  private covered = 0;
  private indexCovered = -1;

  private data: Buffer | undefined;

  private constructor(readonly path: string, private fd: number | undefined, readonly size: number, readonly missing: boolean) {}

  /**
   * Opens a pack; a missing file is empty, a damaged one keeps the records
   * before the damage. `wholeBytes`: up to this size the pack is read in one go.
   */
  static open(path: string, wholeBytes = WHOLE_BYTES): Pack {
    let fd: number;
    try {
      fd = openRegularFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Pack(path, undefined, 0, true);
      throw error;
    }
    const pack = new Pack(path, fd, fstatSync(fd).size, false);
    if (pack.size <= wholeBytes) pack.data = pack.readAt(0, pack.size);
    pack.load();
    return pack;
  }

  /** Every key, in key order. */
  keys(): string[] {
    return [...this.slots.keys()];
  }

  /** How many records the pack holds. */
  get count(): number {
    return this.slots.size;
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
    if (payload.length !== slot.end - slot.start || crc32(payload, crc32(keyBytes(key))) !== slot.checksum) {
      this.slots.delete(key);
      this.damaged = true;
      return undefined;
    }
    return payload;
  }

  /**
   * Adds records at the end, then brings the index up to date. A build
   * killed while appending leaves a torn last record, which the next open
   * stops at.
   */
  async append(entries: Iterable<readonly [string, Uint8Array]>): Promise<void> {
    const handle = await open(this.path, "a");
    let whole = false;
    try {
      const at = (await handle.stat()).size;
      // Another process appended since this pack was opened: its records are not in these slots, so the index stays as it was.
      whole = at === this.covered && !this.damaged && !this.missing;
      const added = new Map<string, PackSlot>();
      const chunks = [...records(entries, at, added)];
      await handle.writev(chunks);
      if (whole) {
        for (const [key, slot] of added) this.slots.set(key, slot);
        this.covered = at + chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
      }
    } finally {
      await handle.close();
    }
    if (whole) await this.saveIndex();
  }

  /** Writes the index beside the pack unless it already describes every record. */
  async saveIndex(): Promise<void> {
    if (this.missing || this.damaged || this.id.length !== PACK_ID_BYTES || this.indexCovered === this.covered) return;
    await writePackIndex(this.path, this.id, { covered: this.covered, slots: this.slots });
    this.indexCovered = this.covered;
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

  private load(): void {
    if (this.size < HEAD_BYTES || !this.readAt(0, MAGIC.length).equals(MAGIC)) {
      this.damaged = true;
      return;
    }
    this.id = Buffer.from(this.readAt(MAGIC.length, PACK_ID_BYTES));
    const index = readPackIndex(this.path, this.id, this.size);
    if (index !== undefined) {
      this.slots = index.slots;
      this.indexCovered = index.covered;
    }
    this.scan(index?.covered ?? HEAD_BYTES);
  }

  /** Reads the record headers from `from` to the end. */
  private scan(from: number): void {
    let window: Buffer = Buffer.alloc(0);
    let windowAt = 0;
    let at = from;
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
      this.slots.set(header.toString("hex", 0, KEY_BYTES), { start, end, checksum: header.readUInt32LE(KEY_BYTES + 4) });
      at = end;
    }
    this.covered = at;
    if (at !== this.size) this.damaged = true;
  }
}

/** One buffer for the key a checksum covers: a key's bytes are wanted only while its payload is checked. */
const KEY_SCRATCH = Buffer.alloc(KEY_BYTES);

/** The bytes of a slot's key, valid until the next call (its hex is a sha256: every slot was made from 32 bytes). */
function keyBytes(hex: string): Buffer {
  KEY_SCRATCH.write(hex, 0, KEY_BYTES, "hex");
  return KEY_SCRATCH;
}

/** Records from `at` on, each noted in `slots` as it is made. */
function* records(entries: Iterable<readonly [string, Uint8Array]>, at: number, slots: { set: (key: string, slot: PackSlot) => unknown }): Generator<Uint8Array> {
  for (const [hex, payload] of entries) {
    assertKey(hex);
    const key = Buffer.from(hex, "hex");
    const checksum = crc32(payload, crc32(key));
    const header = Buffer.allocUnsafe(8);
    header.writeUInt32LE(payload.byteLength, 0);
    header.writeUInt32LE(checksum, 4);
    const start = at + HEADER_BYTES;
    at = start + payload.byteLength;
    slots.set(hex, { start, end: at, checksum });
    yield key;
    yield header;
    yield payload;
  }
}

/** Writes a whole pack (a new id) atomically (see writeFileAtomic), records made one at a time as the file is written; then its index. */
export async function writePack(path: string, entries: Iterable<readonly [string, Uint8Array]>): Promise<void> {
  const id = randomBytes(PACK_ID_BYTES);
  const slots = SlotTable.empty();
  let covered = HEAD_BYTES;
  function* all(): Generator<Uint8Array> {
    yield MAGIC;
    yield id;
    for (const chunk of records(entries, HEAD_BYTES, slots)) {
      covered += chunk.byteLength;
      yield chunk;
    }
  }
  await writeFileAtomic(path, all());
  await writePackIndex(path, id, { covered, slots });
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
