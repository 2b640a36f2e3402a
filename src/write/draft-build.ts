import { linkSync, mkdirSync, readdirSync, renameSync, rmdirSync, unlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import { compiledModule } from "../compiled-module.js";
import { intact, type FileRecord } from "./file-record.js";
import { safeOutputPath } from "./safe-path.js";

/** What a draft is made from: the current build folder and its record. */
export interface DraftSource {
  build: string;
  files: readonly FileRecord[];
}

/**
 * A new build folder started while the site is still being made: a hard
 * link to every file of the current build that is as recorded. Publishing
 * then only replaces what changed (see fill in write-output.ts), so the
 * thousands of links a monthly build carries over are made on a thread of
 * their own, beside the rendering, not after it.
 */
export interface Draft {
  folder: string;
  source: DraftSource;
  /** The paths linked; undefined when the draft failed or was stopped (publishing starts afresh). */
  linked: Promise<ReadonlySet<string> | undefined>;
  /**
   * Stops the draft wherever it is. Its folder stays in the store: removing
   * thousands of files would keep an author waiting for an error message,
   * and the next build makes its own draft from it.
   */
  stop: () => Promise<void>;
}

/**
 * Links the intact files of `source` into `folder` (created), but for those
 * `kept` there already; returns the paths linked or kept. Synchronous: see fill.
 */
export function linkIntact(folder: string, source: DraftSource, kept: ReadonlySet<string> = new Set()): string[] {
  const made = new Set<string>([folder]);
  const linked = [...kept];
  mkdirSync(folder, { recursive: true });
  for (const file of source.files) {
    if (kept.has(file.path)) continue;
    const from = join(source.build, file.path);
    if (!intact(from, file)) continue;
    const target = safeOutputPath(folder, file.path);
    const parent = dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    linkSync(from, target);
    linked.push(file.path);
  }
  return linked;
}

/**
 * Turns `folder`, a build folder no longer published, into a draft of the
 * next build: the same result as linking every intact file of
 * `source` into a new folder (linkIntact), but made by editing a tree that
 * is mostly right already. Between two builds most files are the same
 * inode in both folders, so this keeps them and touches only what changed;
 * making thousands of folders and links anew, and removing as many from
 * the old build, costs far more file-system work than the build's own.
 * Nothing is ever written through a kept link: wrong files are unlinked.
 */
export function recycleInto(folder: string, source: DraftSource): string[] {
  const kept = new Set<string>();
  prune(folder, "", new Map(source.files.map((file) => [file.path, file])), kept);
  return linkIntact(folder, source, kept);
}

/**
 * Keeps the files under `dir` that are exactly as `wanted` records them
 * (inode, size, time: the current build's own file), removes everything else
 * (other files, links, anything that is not a folder), and removes folders
 * left empty. Links are removed, never followed.
 */
function prune(dir: string, prefix: string, wanted: ReadonlyMap<string, FileRecord>, kept: Set<string>): boolean {
  let left = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (prune(full, `${path}/`, wanted, kept)) rmdirSync(full);
      else left++;
      continue;
    }
    const record = wanted.get(path);
    if (record !== undefined && entry.isFile() && intact(full, record)) {
      kept.add(path);
      left++;
    } else unlinkSync(full);
  }
  return left === 0;
}

/**
 * Makes the draft `folder` from `source`: from `old` (see recycleInto) when
 * there is one, else from nothing.
 */
export function makeDraft(folder: string, source: DraftSource, old: string | undefined): string[] {
  return old !== undefined && moved(old, folder) ? recycleInto(folder, source) : linkIntact(folder, source);
}

/** Renames `from` to `to`; false when `from` is gone (then a fresh folder does). Any other failure stops the draft (see startDraft). */
function moved(from: string, to: string): boolean {
  try {
    renameSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** Starts a draft of `folder` from `source` (and `old`, see makeDraft) on a worker thread. */
export function startDraft(folder: string, source: DraftSource, old?: string): Draft {
  const worker = new Worker(compiledModule(import.meta.url, "write", "draft-worker"), { workerData: { folder, source, old } });
  const linked = new Promise<ReadonlySet<string>>((resolve, reject) => {
    worker.once("message", (paths: string[]) => resolve(new Set(paths)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the draft stopped (exit ${code})`)));
    // Publishing then makes a folder of its own. This one is left as it is: the next build makes its draft from it (see recycleInto) or removes it.
  }).catch(() => undefined);
  const stop = async () => {
    await worker.terminate();
    await linked;
  };
  return { folder, source, linked, stop };
}
