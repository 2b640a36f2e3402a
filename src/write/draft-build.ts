import { linkSync, mkdirSync, rmSync } from "node:fs";
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
  /** The paths linked; undefined when the draft failed or was dropped (its folder is removed, and publishing starts afresh). */
  linked: Promise<ReadonlySet<string> | undefined>;
  /** Stops the draft wherever it is and removes its folder. */
  drop: () => Promise<void>;
}

/** Links the intact files of `source` into `folder` (created); returns the paths linked. Synchronous: see fill. */
export function linkIntact(folder: string, source: DraftSource): string[] {
  const made = new Set<string>([folder]);
  const linked: string[] = [];
  mkdirSync(folder, { recursive: true });
  for (const file of source.files) {
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

/** Starts a draft of `folder` from `source` on a worker thread. */
export function startDraft(folder: string, source: DraftSource): Draft {
  const worker = new Worker(compiledModule(import.meta.url, "write", "draft-worker"), { workerData: { folder, source } });
  const linked = new Promise<ReadonlySet<string>>((resolve, reject) => {
    worker.once("message", (paths: string[]) => resolve(new Set(paths)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the draft stopped (exit ${code})`)));
  }).catch(() => {
    // Publishing makes the folder without it.
    rmSync(folder, { recursive: true, force: true });
    return undefined;
  });
  const drop = async () => {
    await worker.terminate();
    await linked;
    rmSync(folder, { recursive: true, force: true });
  };
  return { folder, source, linked, drop };
}
