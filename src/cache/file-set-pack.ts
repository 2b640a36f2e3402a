import { createHash } from "node:crypto";
import { readFirstRecord, readPack, writePack } from "./pack.js";

/**
 * A set of named files in one pack: a meta record first (whatever the caller
 * needs to decide whether the set is the one it wants, plus the file list),
 * then one record per file. Used for the output snapshot and search shards.
 */
export interface FileSetMeta {
  files: string[];
}

export type PackedFile = readonly [path: string, content: string | Uint8Array];

/** Writes `files` with `meta` (its `files` list is filled in here). */
export async function writeFileSet(packPath: string, meta: Record<string, unknown>, files: Iterable<PackedFile>): Promise<void> {
  const list = [...files];
  // A generator: each file becomes bytes only as it is written, so the whole set is never held twice.
  function* records(): Generator<readonly [string, Buffer]> {
    yield [META_KEY, Buffer.from(JSON.stringify({ ...meta, files: list.map(([path]) => path) }))];
    for (const [path, content] of list) yield [pathKey(path), typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content.buffer, content.byteOffset, content.byteLength)];
  }
  await writePack(packPath, records());
}

/**
 * The files of a set whose meta `accept`s, as views into the pack (no copies:
 * a snapshot holds ~100 MB of HTML). Undefined when missing, damaged or not
 * accepted; the meta record is checked before the rest is read.
 */
export async function readFileSet<M extends FileSetMeta>(packPath: string, accept: (meta: Partial<M>) => boolean): Promise<{ meta: M; files: Array<[string, Buffer]> } | undefined> {
  try {
    const head = await readFirstRecord(packPath);
    if (head === undefined || head.key !== META_KEY || !accept(JSON.parse(head.payload.toString("utf8")) as Partial<M>)) return undefined;
    const { entries, damaged } = await readPack(packPath);
    const metaRecord = entries.get(META_KEY);
    if (damaged || metaRecord === undefined) return undefined;
    const meta = JSON.parse(metaRecord.toString("utf8")) as M;
    if (!accept(meta) || !Array.isArray(meta.files)) return undefined;
    const files: Array<[string, Buffer]> = [];
    for (const path of meta.files) {
      const content = entries.get(pathKey(path));
      if (content === undefined) return undefined;
      files.push([path, content]);
    }
    return { meta, files };
  } catch {
    return undefined;
  }
}

const META_KEY = createHash("sha256").update("gekkan-snapshot-meta").digest("hex");

function pathKey(path: string): string {
  return createHash("sha256").update(`file\0${path}`).digest("hex");
}
