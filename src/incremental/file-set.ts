import { DamagedCacheError } from "./memo.js";

export type NamedFile = readonly [path: string, content: Uint8Array];

/**
 * Several files as one memo value: a u32 length, a JSON list of
 * [path, size], then the contents back to back. Decoding checks that the
 * sizes add up, so a truncated or foreign value throws instead of
 * yielding a wrong file.
 */
export function encodeFiles(files: readonly NamedFile[]): Uint8Array {
  const head = Buffer.from(JSON.stringify(files.map(([path, content]) => [path, content.byteLength])), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length, 0);
  return Buffer.concat([length, head, ...files.map(([, content]) => content)]);
}

export function decodeFiles(bytes: Uint8Array): NamedFile[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLength = buffer.readUInt32LE(0);
  const list = JSON.parse(buffer.subarray(4, 4 + headLength).toString("utf8")) as unknown;
  if (!Array.isArray(list)) throw new Error("not a file set");
  const files: NamedFile[] = [];
  let at = 4 + headLength;
  for (const entry of list as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || !Number.isInteger(entry[1])) throw new Error("not a file set");
    const size = entry[1] as number;
    files.push([entry[0], buffer.subarray(at, at + size)]);
    at += size;
  }
  if (at !== buffer.length) throw new Error("file set sizes do not add up");
  return files;
}

/**
 * The files `paths` of a stored file set, each read and decoded on first
 * use (see Memo.stored); a set that does not decode or lacks one of them
 * is a damaged entry.
 */
export function deferredFiles(key: string, read: () => Uint8Array, paths: readonly string[]): Array<readonly [string, () => Uint8Array]> {
  let files: Map<string, Uint8Array> | undefined;
  const decoded = (): Map<string, Uint8Array> => {
    try {
      files ??= new Map(decodeFiles(read()));
    } catch (error) {
      throw error instanceof DamagedCacheError ? error : new DamagedCacheError(key);
    }
    return files;
  };
  return paths.map((path) => [path, () => {
    const content = decoded().get(path);
    if (content === undefined) throw new DamagedCacheError(key);
    return content;
  }] as const);
}
