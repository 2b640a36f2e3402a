import { lstatSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { writeFileAtomic } from "../write/atomic-file.js";
import { intact, type FileRecord } from "../write/file-record.js";
import type { Written } from "../write/write-output.js";
import { parentFolders } from "../write/output.js";
import { isTimeZone } from "../build-time.js";
import { readRegularFile } from "../regular-file.js";

const RECORD_FILE = "written.json";

/** An issue a build left out, as its note names it (site/left-out.ts): a translation keeps its original. */
type Dated = { file: string; date: string; draft: boolean };
type NotedIssue = Dated & { original?: Dated | undefined };

/** What a build that wrote `out` leaves for the next one: to skip a build, or to link unchanged files. */
export interface OutputRecord {
  out: string;
  /** The build folder written (see writeOutput). */
  build: string;
  /** The input key the files were made from. */
  key: string;
  /** The days on which the same inputs give the same output. */
  window: { from: string; until: string };
  /** The time zone those days are in (the config's `timeZone`); a record from an earlier gekkan has none, and its days are UTC's. */
  timeZone?: string | undefined;
  /** For the CLI's summary line when the build is skipped: issue count and warnings, formatted. */
  issues: number;
  warnings: string[];
  /**
   * The issues the build left out (drafts, future-dated): the skipped build
   * names them again. Kept as data, not as the lines printed: a line says
   * "dated after today (…)", and a skipped build's today is its own.
   */
  leftOut: NotedIssue[];
  files: FileRecord[];
  /**
   * The issue pages published (by a build without --drafts or --future), and
   * old ones still to be kept with an alias: the next build says which are
   * gone. A record from an earlier gekkan has none, and nothing is said.
   * Kept as read: the build reads it (site/published-addresses.ts), the
   * record only carries it, as it knows nothing of the site.
   */
  addresses?: unknown;
  /** Every folder: adding or removing an entry changes its folder's mtime. */
  dirs: Array<[path: string, ino: number, mtimeMs: number]>;
}

/** A record as JSON gives it back, checked field by field: a damaged or older record is no record. */
function asRecord(value: unknown): OutputRecord | undefined {
  const r = value as Partial<OutputRecord> | null;
  if (r === null || typeof r !== "object") return undefined;
  const strings = [r.out, r.build, r.key, r.window?.from, r.window?.until].every((v) => typeof v === "string");
  const lists = Array.isArray(r.files) && Array.isArray(r.dirs) && Array.isArray(r.warnings) && Array.isArray(r.leftOut) && typeof r.issues === "number";
  if (!strings || !lists) return undefined;
  if (r.timeZone !== undefined && (typeof r.timeZone !== "string" || !isTimeZone(r.timeZone))) return undefined;
  const files = (r.files as unknown[]).every((f) => {
    const file = f as Partial<FileRecord> | null;
    return file !== null && typeof file === "object" && typeof file.path === "string" && typeof file.id === "string" && typeof file.ino === "number" && typeof file.size === "number" && typeof file.mtimeMs === "number";
  });
  const dirs = (r.dirs as unknown[]).every((d) => Array.isArray(d) && d.length === 3 && typeof d[0] === "string" && typeof d[1] === "number" && typeof d[2] === "number");
  const warnings = (r.warnings as unknown[]).every((w) => typeof w === "string");
  const leftOut = (r.leftOut as unknown[]).every((i) => {
    const issue = i as Partial<NotedIssue> | null;
    const original = issue?.original;
    return isNoted(issue) && (original === undefined || isNoted(original));
  });
  return files && dirs && warnings && leftOut ? (r as OutputRecord) : undefined;
}

function isNoted(issue: Partial<Dated> | null | undefined): issue is Dated {
  return issue !== null && typeof issue === "object" && typeof issue.file === "string" && typeof issue.date === "string" && typeof issue.draft === "boolean";
}

/** The record in `cacheDir`, or undefined when missing or not a record (damaged, older format): never fatal. */
export function readRecord(cacheDir: string): OutputRecord | undefined {
  try {
    return asRecord(JSON.parse(readRegularFile(join(cacheDir, RECORD_FILE)).toString("utf8")));
  } catch {
    return undefined;
  }
}

/**
 * True when the build folder `out` links to still holds exactly what the
 * record says (every file with its inode, size and mtime, no entry added or
 * removed in any folder), for the same key: writing again would change nothing.
 */
export function stillWritten(record: OutputRecord, out: string, key: string): boolean {
  if (record.out !== resolve(out) || record.key !== key) return false;
  try {
    if (statSync(out).ino !== lstatSync(record.build).ino) return false;
    for (const file of record.files) if (!intact(join(record.build, file.path), file)) return false;
    for (const [path, ino, mtimeMs] of record.dirs) {
      const stat = lstatSync(join(record.build, path));
      if (!stat.isDirectory() || stat.ino !== ino || stat.mtimeMs !== mtimeMs) return false;
    }
    return true;
  } catch {
    return false;
  }
}

export async function saveRecord(cacheDir: string, out: string, key: string, written: Written, summary: Pick<OutputRecord, "window" | "timeZone" | "issues" | "warnings" | "leftOut" | "addresses">): Promise<void> {
  const names = new Set<string>([""]);
  for (const { path } of written.files) for (const folder of parentFolders(path)) names.add(folder);
  const dirs = [...names].sort().map((path): [string, number, number] => {
    const stat = statSync(join(written.build, path));
    return [path, stat.ino, stat.mtimeMs];
  });
  const record: OutputRecord = { out: resolve(out), build: written.build, key, ...summary, files: written.files, dirs };
  await writeFileAtomic(join(cacheDir, RECORD_FILE), JSON.stringify(record));
}

/** Drops the record (before a write that might fail half-way). */
export async function forgetRecord(cacheDir: string): Promise<void> {
  await rm(join(cacheDir, RECORD_FILE), { force: true });
}
