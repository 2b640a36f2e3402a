import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import { writeFile, rename, rm, mkdir } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { OutputSet } from "../write/output.js";
import type { SourceFile } from "../content/sources.js";
import { codeFingerprint } from "./fingerprint.js";
import { readFileSet, writeFileSet, type FileSetMeta } from "./file-set-pack.js";

export const SNAPSHOT_FILE = "output.pack";
const WRITTEN_FILE = "written.json";

export interface SnapshotInputs {
  root: string;
  /** Template directories, own first (locales live in them too). */
  templateDirs: readonly string[];
  /** Consumed once, in order; each entry is used before the next is asked for (see streamSources). */
  sources: Iterable<SourceFile>;
  /** Build options that shape the output: drafts, future, base, url, search ("today" is handled by a DateWindow). */
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

/**
 * The days an output stays valid. "Today" shapes the output only through
 * which issues are dated after it, so every day from the latest issue date
 * on or before it up to (not including) the next issue date gives the same
 * bytes. Keying outputs by this window instead of the date keeps a warm
 * build warm across midnight.
 */
export interface DateWindow {
  from: string;
  until: string;
}

export function dateWindow(dates: Iterable<string>, today: string): DateWindow {
  let from = "";
  let until = "\uffff";
  for (const date of dates) {
    if (date <= today) {
      if (date > from) from = date;
    } else if (date < until) until = date;
  }
  return { from, until };
}

export function inWindow(window: DateWindow | undefined, today: string): boolean {
  return window !== undefined && typeof window.from === "string" && typeof window.until === "string" && window.from <= today && today < window.until;
}

interface SnapshotMeta extends FileSetMeta {
  key: string;
  window: DateWindow;
}

/** The stored output for `key`, or undefined (missing, damaged, another key, or `today` outside its window). */
export async function loadSnapshot(cacheDir: string, key: string, today?: string): Promise<OutputSet | undefined> {
  const stored = await readFileSet<SnapshotMeta>(join(cacheDir, SNAPSHOT_FILE), (meta) => meta.key === key && (today === undefined || inWindow(meta.window, today)));
  if (stored === undefined) return undefined;
  const output = new OutputSet();
  for (const [path, content] of stored.files) output.add(path, content);
  return output;
}

/** Replaces the stored output (one snapshot only: the previous one is pruned by being overwritten). */
export async function saveSnapshot(cacheDir: string, key: string, window: DateWindow, output: OutputSet): Promise<void> {
  // Origins are not kept: they only matter while files are being added (collisions), never after.
  await writeFileSet(join(cacheDir, SNAPSHOT_FILE), { key, window }, output.entries());
}

/** What a build that wrote `outDir` leaves for the next one to compare against. */
export interface WrittenSummary {
  /** Issues on the site, for the CLI's summary line. */
  issues: number;
  /** Warnings of that build, formatted: a skipped build still repeats them. */
  warnings: string[];
  window: DateWindow;
}

interface Written extends WrittenSummary {
  outDir: string;
  key: string;
  /** path, inode, size, mtime (ms) of every file as written. */
  files: Array<[string, number, number, number]>;
  /** path ("" = outDir), inode, mtime (ms) of every directory: adding or removing an entry changes its directory's mtime. */
  dirs: Array<[string, number, number]>;
}

/**
 * The record of the last write when `outDir` still holds exactly the output
 * of `key` as gekkan wrote it (every file with its inode, size and mtime
 * unchanged, nothing added) and `today` is inside its window. Then rewriting
 * it would produce the same tree, and the build can be skipped.
 */
export function currentOutput(cacheDir: string, outDir: string, key: string, today: string): (WrittenSummary & { files: number }) | undefined {
  let written: Written;
  try {
    written = JSON.parse(readFileSync(join(cacheDir, WRITTEN_FILE), "utf8")) as Written;
  } catch {
    return undefined;
  }
  const out = resolve(outDir);
  if (written.outDir !== out || written.key !== key || !inWindow(written.window, today) || !existsSync(out)) return undefined;
  try {
    for (const [path, ino, size, mtime] of written.files) {
      const stat = lstatSync(join(out, path));
      if (!stat.isFile() || stat.ino !== ino || stat.size !== size || stat.mtimeMs !== mtime) return undefined;
    }
    // Directory mtimes instead of listing the tree: a stray file added anywhere is caught at a third of the cost.
    for (const [path, ino, mtime] of written.dirs) {
      const stat = lstatSync(join(out, path));
      if (!stat.isDirectory() || stat.ino !== ino || stat.mtimeMs !== mtime) return undefined;
    }
    return { issues: written.issues, warnings: written.warnings, window: written.window, files: written.files.length };
  } catch {
    return undefined;
  }
}

/** Records what was just written to `outDir`, for currentOutput. */
export async function recordWritten(cacheDir: string, outDir: string, key: string, output: OutputSet, summary: WrittenSummary): Promise<void> {
  const out = resolve(outDir);
  const files = output.paths().map((path): [string, number, number, number] => {
    const stat = statSync(join(out, ...path.split("/")));
    return [path, stat.ino, stat.size, stat.mtimeMs];
  });
  const dirNames = new Set<string>([""]);
  for (const path of output.paths()) for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) dirNames.add(path.slice(0, i));
  const dirs = [...dirNames].sort().map((path): [string, number, number] => {
    const stat = statSync(join(out, ...path.split("/")));
    return [path, stat.ino, stat.mtimeMs];
  });
  const record: Written = { ...summary, outDir: out, key, files, dirs };
  await mkdir(cacheDir, { recursive: true });
  const temp = join(cacheDir, `${WRITTEN_FILE}.tmp-${process.pid}`);
  await writeFile(temp, JSON.stringify(record));
  await rename(temp, join(cacheDir, WRITTEN_FILE));
}

/** Forgets the record, e.g. before a write that might fail half-way. */
export async function forgetWritten(cacheDir: string): Promise<void> {
  await rm(join(cacheDir, WRITTEN_FILE), { force: true });
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
export async function reuseOutput(cacheDir: string, key: string, today: string): Promise<OutputSet | undefined> {
  return loadSnapshot(cacheDir, key, today);
}

/** saveSnapshot for a build: the snapshot is an optimisation, so failing to save it never fails the build. */
export async function storeOutput(cacheDir: string, key: string, window: DateWindow, output: OutputSet): Promise<void> {
  try {
    await saveSnapshot(cacheDir, key, window, output);
  } catch {
    // Next build simply renders again.
  }
}

/**
 * Writes the output with `write` (the atomic swap) unless `outDir` already
 * holds exactly this output. The record is dropped before writing, so a
 * failed or interrupted write is never mistaken for a current output.
 */
export async function writeUnlessCurrent(cacheDir: string, outDir: string, key: string, today: string, output: OutputSet, summary: WrittenSummary, write: (outDir: string, output: OutputSet) => Promise<void>): Promise<boolean> {
  const current = currentOutput(cacheDir, outDir, key, today);
  // The files are current, but the summary (issue count, warnings) must describe this build.
  if (current !== undefined && current.issues === summary.issues && current.warnings.join("\n") === summary.warnings.join("\n")) return false;
  await forgetWritten(cacheDir).catch(() => undefined);
  await write(outDir, output);
  await recordWritten(cacheDir, outDir, key, output, summary).catch(() => undefined);
  return true;
}
