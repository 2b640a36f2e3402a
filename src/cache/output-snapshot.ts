import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import { readFile, writeFile, rename, rm, mkdir } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { OutputSet } from "../write/output.js";
import type { SourceFile } from "../content/sources.js";
import { codeFingerprint } from "./fingerprint.js";
import { readFirstRecord, readPack, writePack } from "./pack.js";

export const SNAPSHOT_FILE = "output.pack";
const WRITTEN_FILE = "written.json";

export interface SnapshotInputs {
  root: string;
  /** Template directories, own first (locales live in them too). */
  templateDirs: readonly string[];
  sources: readonly SourceFile[];
  /** Build options that shape the output: drafts, future, base, url, today, search. */
  options: Record<string, unknown>;
  /** Stands in for the code fingerprint (tests). */
  fingerprint?: string | undefined;
}

/**
 * The content address of a whole build's output: every input generate() reads
 * (config, sources, templates + locales, public/, options, gekkan's code and
 * dependency versions). Equal keys mean byte-identical output, so the pages,
 * feeds and search index need not be made again.
 */
export function snapshotKey(inputs: SnapshotInputs): string {
  const hash = createHash("sha256").update(`gekkan-output\0${inputs.fingerprint ?? codeFingerprint()}\0${JSON.stringify(sortedEntries(inputs.options))}\0`);
  for (const name of ["gekkan.config.json", "package.json"]) hashFile(hash, inputs.root, join(inputs.root, name));
  inputs.templateDirs.forEach((dir, i) => {
    hash.update(`templates#${i}\0`);
    hashTree(hash, dir, true);
  });
  hash.update("public\0");
  // public/ is copied with lstat semantics (symlinks skipped), so it is hashed the same way.
  hashTree(hash, join(inputs.root, "public"), false);
  hash.update("sources\0");
  for (const source of inputs.sources) hash.update(source.file).update("\0").update(String(source.bytes.length)).update("\0").update(source.bytes);
  return hash.digest("hex");
}

/** The stored output for `key`, or undefined (missing, damaged or another key). */
export async function loadSnapshot(cacheDir: string, key: string): Promise<OutputSet | undefined> {
  try {
    // The meta record comes first: a snapshot of other inputs is rejected without reading ~100 MB.
    const head = await readFirstRecord(join(cacheDir, SNAPSHOT_FILE));
    if (head === undefined || head.key !== metaKey() || (JSON.parse(head.payload.toString("utf8")) as { key?: string }).key !== key) return undefined;
    const { entries, damaged } = await readPack(join(cacheDir, SNAPSHOT_FILE));
    const meta = entries.get(metaKey());
    if (damaged || meta === undefined) return undefined;
    const { key: stored, files } = JSON.parse(meta.toString("utf8")) as { key: string; files: string[] };
    if (stored !== key) return undefined;
    const output = new OutputSet();
    for (const path of files) {
      const content = entries.get(pathKey(path));
      if (content === undefined) return undefined;
      // Views into the pack, not copies or strings: decoding ~100 MB of HTML would cost more than everything else.
      output.add(path, content);
    }
    return output;
  } catch {
    return undefined;
  }
}

/** Replaces the stored output (one snapshot only: the previous one is pruned by being overwritten). */
export async function saveSnapshot(cacheDir: string, key: string, output: OutputSet): Promise<void> {
  // Origins are not kept: they only matter while files are being added (collisions), never after.
  const files = output.paths();
  const records: Array<readonly [string, Buffer]> = [[metaKey(), Buffer.from(JSON.stringify({ key, files }))]];
  for (const [path, content] of output.entries()) records.push([pathKey(path), typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content.buffer, content.byteOffset, content.byteLength)]);
  await writePack(join(cacheDir, SNAPSHOT_FILE), records);
}

interface Written {
  outDir: string;
  key: string;
  /** path, inode, size, mtime (ms) of every file as written. */
  files: Array<[string, number, number, number]>;
}

/**
 * True when `outDir` still holds exactly the output of `key` as gekkan wrote
 * it: every file with its inode, size and mtime unchanged and nothing added.
 * Then rewriting it would produce the same tree, and the swap can be skipped.
 */
export function outputIsCurrent(cacheDir: string, outDir: string, key: string): boolean {
  let written: Written;
  try {
    written = JSON.parse(readFileSync(join(cacheDir, WRITTEN_FILE), "utf8")) as Written;
  } catch {
    return false;
  }
  const out = resolve(outDir);
  if (written.outDir !== out || written.key !== key || !existsSync(out)) return false;
  try {
    for (const [path, ino, size, mtime] of written.files) {
      const stat = lstatSync(join(out, path));
      if (!stat.isFile() || stat.ino !== ino || stat.size !== size || stat.mtimeMs !== mtime) return false;
    }
    const present = readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) => !entry.isDirectory()).length;
    return present === written.files.length;
  } catch {
    return false;
  }
}

/** Records what was just written to `outDir`, for outputIsCurrent. */
export async function recordWritten(cacheDir: string, outDir: string, key: string, output: OutputSet): Promise<void> {
  const out = resolve(outDir);
  const files = output.paths().map((path): [string, number, number, number] => {
    const stat = statSync(join(out, ...path.split("/")));
    return [path, stat.ino, stat.size, stat.mtimeMs];
  });
  const record: Written = { outDir: out, key, files };
  await mkdir(cacheDir, { recursive: true });
  const temp = join(cacheDir, `${WRITTEN_FILE}.tmp-${process.pid}`);
  await writeFile(temp, JSON.stringify(record));
  await rename(temp, join(cacheDir, WRITTEN_FILE));
}

/** Forgets the record, e.g. before a write that might fail half-way. */
export async function forgetWritten(cacheDir: string): Promise<void> {
  await rm(join(cacheDir, WRITTEN_FILE), { force: true });
}

function metaKey(): string {
  return createHash("sha256").update("gekkan-snapshot-meta").digest("hex");
}

function pathKey(path: string): string {
  return createHash("sha256").update(`file\0${path}`).digest("hex");
}

function sortedEntries(options: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function hashFile(hash: ReturnType<typeof createHash>, base: string, path: string): void {
  let bytes: Buffer | undefined;
  try {
    bytes = readFileSync(path);
  } catch {
    bytes = undefined;
  }
  hash.update(relative(base, path)).update("\0").update(bytes === undefined ? "absent" : `${bytes.length}\0`);
  if (bytes !== undefined) hash.update(bytes);
}

/** Every entry under `dir` (names, kinds and file bytes), in a stable order; a missing dir hashes as empty. */
export function hashTree(hash: ReturnType<typeof createHash>, dir: string, followLinks: boolean): void {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
  } catch {
    hash.update("absent\0");
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const stat = followLinks ? statSync(path) : lstatSync(path);
    const portable = name.split(sep).join("/");
    if (stat.isFile()) hashFile(hash, dir, path);
    else hash.update(`${portable}\0${stat.isDirectory() ? "dir" : "other"}\0`);
  }
}

/** loadSnapshot for a build: any failure is a miss. */
export async function reuseOutput(cacheDir: string, key: string): Promise<OutputSet | undefined> {
  return loadSnapshot(cacheDir, key);
}

/** saveSnapshot for a build: the snapshot is an optimisation, so failing to save it never fails the build. */
export async function storeOutput(cacheDir: string, key: string, output: OutputSet): Promise<void> {
  try {
    await saveSnapshot(cacheDir, key, output);
  } catch {
    // Next build simply renders again.
  }
}

/**
 * Writes the output with `write` (the atomic swap) unless `outDir` already
 * holds exactly this output. The record is dropped before writing, so a
 * failed or interrupted write is never mistaken for a current output.
 */
export async function writeUnlessCurrent(cacheDir: string, outDir: string, key: string, output: OutputSet, write: (outDir: string, output: OutputSet) => Promise<void>): Promise<boolean> {
  if (outputIsCurrent(cacheDir, outDir, key)) return false;
  await forgetWritten(cacheDir).catch(() => undefined);
  await write(outDir, output);
  await recordWritten(cacheDir, outDir, key, output).catch(() => undefined);
  return true;
}
