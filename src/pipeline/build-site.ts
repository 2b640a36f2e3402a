import { join, resolve } from "node:path";
import { buildTime, dayOf } from "../build-time.js";
import { formatDiagnostic } from "../diagnostics.js";
import { inWindow } from "../site/date-window.js";
import { templateDirs } from "../render/template-dirs.js";
import { forgetRecord, readRecord, saveRecord, stillWritten, type OutputRecord } from "../incremental/output-record.js";
import type { Written } from "../write/write-output.js";
import type { Generated } from "./generate.js";
import { currentInputKey, inputKey } from "./input-key.js";
import type { BuildOptions } from "./options.js";

export interface SiteBuildOptions extends BuildOptions {
  /** The output folder (already checked with assertSafeOutputDir). */
  out: string;
  /** The cache folder; absent = nothing reused and nothing recorded. */
  cacheDir?: string | undefined;
}

export type SiteBuild =
  | { upToDate: true; record: OutputRecord }
  | { upToDate: false; generated: Generated; written: Written; warnings: string[]; cacheWarnings: string[] };

/**
 * `gekkan build`: nothing at all when the output is current; otherwise
 * generate() with the cache's memos handed in, then publish the output in
 * one atomic step and record what was written for the next build.
 */
export async function buildSite(options: SiteBuildOptions): Promise<SiteBuild> {
  const record = await currentRecord(options);
  if (record !== undefined) return { upToDate: true, record };
  // Loaded only now: the up-to-date answer above needs none of the rendering stack.
  const [{ generate }, { writeOutput }, { openPackMemos }, { NO_REUSE }] = await Promise.all([
    import("./generate.js"), import("../write/write-output.js"), import("../incremental/pack-memos.js"), import("./reuse.js"),
  ]);
  const packs = options.cacheDir === undefined ? undefined : await openPackMemos(options.cacheDir, ["issues", "pages", "search"] as const);
  const generated = await generate(options, packs?.memos ?? NO_REUSE);
  const warnings = generated.warnings.map(formatDiagnostic);
  const earlier = options.cacheDir === undefined ? undefined : readRecord(options.cacheDir);
  if (options.cacheDir !== undefined) await forgetRecord(options.cacheDir).catch(() => undefined);
  const writeStarted = performance.now();
  const written = await writeOutput(options.out, generated.output, earlier);
  generated.stats.stages.push(["write", performance.now() - writeStarted]);
  const cacheWarnings = (await packs?.save()) ?? [];
  if (options.cacheDir !== undefined) {
    const key = inputKey(options, templateDirs(options.root), generated.sources);
    const summary = { window: generated.window, issues: generated.site.issues.length, warnings };
    await saveRecord(options.cacheDir, options.out, key, written, summary).catch((error: Error) => cacheWarnings.push(`cache record not saved: ${error.message}`));
  }
  return { upToDate: false, generated, written, warnings, cacheWarnings };
}

/** The record of the last build when `out` still holds exactly what these inputs would give. */
async function currentRecord(options: SiteBuildOptions): Promise<OutputRecord | undefined> {
  if (options.cacheDir === undefined) return undefined;
  const record = readRecord(options.cacheDir);
  if (record === undefined || !inWindow(record.window, dayOf(options.now ?? buildTime()))) return undefined;
  return stillWritten(record, options.out, await currentInputKey(options)) ? record : undefined;
}

/** The default cache folder of a site. */
export function defaultCacheDir(root: string): string {
  return resolve(join(root, ".gekkan", "cache"));
}
