import { open, readFile, rename, rm, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
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
 * Writes a whole pack atomically: a temp file in the same directory, then
 * rename over the old one. Records are streamed in chunks of a few MB, not
 * joined into one buffer: a 4,000-issue snapshot is ~100 MB, and a second
 * copy of it would be the build's peak memory.
 */
export async function writePack(path: string, entries: Iterable<readonly [string, Buffer]>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    const handle = await open(temp, "w");
    try {
      let chunk: Buffer[] = [MAGIC];
      let size = MAGIC.length;
      for (const [hex, payload] of entries) {
        const key = Buffer.from(hex, "hex");
        if (key.length !== KEY_BYTES) throw new Error(`gekkan bug: cache key is not a sha256: ${hex}`);
        const header = Buffer.allocUnsafe(8);
        header.writeUInt32LE(payload.length, 0);
        header.writeUInt32LE(crc32(payload, crc32(key)), 4);
        chunk.push(key, header, payload);
        size += HEADER_BYTES + payload.length;
        if (size >= CHUNK_BYTES) {
          await handle.writev(chunk);
          chunk = [];
          size = 0;
        }
      }
      if (chunk.length > 0) await handle.writev(chunk);
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

const CHUNK_BYTES = 4 * 1024 * 1024;

/** The first record of a pack alone (key and payload), verified; undefined when absent or damaged. */
export async function readFirstRecord(path: string): Promise<{ key: string; payload: Buffer } | undefined> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(MAGIC.length + HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead < head.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const key = head.subarray(MAGIC.length, MAGIC.length + KEY_BYTES);
    const length = head.readUInt32LE(MAGIC.length + KEY_BYTES);
    const checksum = head.readUInt32LE(MAGIC.length + KEY_BYTES + 4);
    const payload = Buffer.alloc(length);
    const read = await handle.read(payload, 0, length, head.length);
    if (read.bytesRead < length || crc32(payload, crc32(key)) !== checksum) return undefined;
    return { key: key.toString("hex"), payload };
  } finally {
    await handle.close();
  }
}
