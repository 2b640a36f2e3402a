import { open, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { makeFolder } from "../make-folder.js";
import { tempBegun, tempEnded } from "./temps-in-progress.js";

const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Replaces `path` with `chunks` as one step: a temp file beside it, then a
 * rename. A reader (or a build killed half-way) sees the old file or the
 * new one, never a torn one. Chunks are gathered into writes of a few MB,
 * so a large file is streamed, never held twice. The new file keeps the
 * permissions of the one it replaces: a rename would otherwise turn a
 * message file its author made private (chmod 600) readable to all.
 * `makeFolders: false` leaves a missing folder an ENOENT error, for a path
 * the author typed, where a slip should not make folders. Ctrl-C or
 * SIGTERM while it writes removes the temp file (temps-in-progress.ts).
 */
export async function writeFileAtomic(path: string, chunks: Iterable<Uint8Array> | Uint8Array | string, options: { makeFolders?: boolean } = {}): Promise<void> {
  if (options.makeFolders !== false) makeFolder(dirname(path));
  const temp = `${path}.tmp-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const before = await stat(path).catch(() => undefined);
  tempBegun(temp);
  try {
    const handle = await open(temp, "w");
    try {
      if (before?.isFile() === true) await handle.chmod(before.mode & 0o7777);
      let batch: Uint8Array[] = [];
      let size = 0;
      for (const chunk of asChunks(chunks)) {
        batch.push(chunk);
        size += chunk.byteLength;
        if (size >= CHUNK_BYTES) {
          await handle.writev(batch);
          batch = [];
          size = 0;
        }
      }
      if (batch.length > 0) await handle.writev(batch);
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    tempEnded(temp);
  }
}

function asChunks(chunks: Iterable<Uint8Array> | Uint8Array | string): Iterable<Uint8Array> {
  if (typeof chunks === "string") return [Buffer.from(chunks, "utf8")];
  if (chunks instanceof Uint8Array) return [chunks];
  return chunks;
}
