import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildTime, dayOf } from "../build-time.js";
import { unignored, warningLines } from "../warning-kinds.js";
import { asAddresses, lostAddresses, publishedAddresses, type PublishedAddress } from "../site/published-addresses.js";
import { inWindow } from "../site/date-window.js";
import { languageSwapWarning } from "../site/language-swap.js";
import { routeFile } from "../site/urls.js";
import { templateDirs } from "../render/template-dirs.js";
import type { Memo } from "../incremental/memo.js";
import { notedIssues, type NotedIssue } from "../site/left-out.js";
import { forgetRecord, readRecord, saveRecord, stillWritten, type OutputRecord } from "../incremental/output-record.js";
import type { Written } from "../write/write-output.js";
import type { VFileMessage } from "vfile-message";
import { outputPlace } from "../write/versions.js";
import type { CacheFailure, PackMemos } from "../incremental/pack-memos.js";
import { machineWords } from "../write/fs-errors.js";
import { groupBy } from "../group-by.js";
import type { Generated } from "./generate.js";
import { currentInputs, fixedInputs, inputKey, type CurrentInputs } from "./input-key.js";
import { FileDigests } from "../incremental/file-digests.js";
import type { BuildOptions } from "./options.js";
import type { Reuse } from "./reuse.js";

export interface SiteBuildOptions extends BuildOptions {
  /** The output folder (already checked with assertSafeOutputDir). */
  out: string;
  /** The cache folder; absent = nothing reused and nothing recorded. */
  cacheDir?: string | undefined;
}

/** What the build left out (drafts, issues dated after `today`), for the notes the command prints (leftOutNotes). */
interface LeftOutIssues {
  leftOut: NotedIssue[];
  today: string;
  /** The site's time zone, in which "today" is told (the note compares it with the clock's day when SOURCE_DATE_EPOCH set it). */
  timeZone: string | undefined;
}

export type SiteBuild =
  | ({ upToDate: true; record: OutputRecord } & LeftOutIssues)
  | ({ upToDate: false; generated: Generated; written: Written; warnings: string[]; cacheWarnings: string[] } & LeftOutIssues);

/**
 * `gekkan build`: nothing at all when the output is current; otherwise
 * generate() with the cache's memos handed in, then publish the output in
 * one atomic step and record what was written for the next build.
 */
export async function buildSite(options: SiteBuildOptions): Promise<SiteBuild> {
  const record = options.cacheDir === undefined ? undefined : readRecord(options.cacheDir);
  // The record's time zone: the config's, which the input key covers, so a changed zone is no skipped build anyway.
  const today = dayOf(options.now ?? buildTime(), record?.timeZone);
  const digests = options.cacheDir === undefined ? FileDigests.empty() : FileDigests.read(options.cacheDir);
  const check = record === undefined ? undefined : await checkCurrent(options, record, today, digests);
  // Said again from the record, with this run's "today": the same issues are left out on every day of the window, but the line names the day.
  if (record !== undefined && check?.upToDate === true) {
    // A file read again (it had not settled when last read) is trusted from now on: kept, or every check would read it.
    if (options.cacheDir !== undefined && digests.changed) await digests.save(options.cacheDir).catch(() => undefined);
    return { upToDate: true, record, leftOut: record.leftOut, today, timeZone: record.timeZone };
  }
  // Loaded only now: the up-to-date answer above needs none of the rendering stack.
  const [{ generate }, { openOutput }, { openPackMemos }, { NO_REUSE }, { DamagedCacheError }] = await Promise.all([
    import("./generate.js"), import("../write/write-output.js"), import("../incremental/pack-memos.js"), import("./reuse.js"), import("../incremental/memo.js"),
  ]);
  // An output written before is taken now, so removing the build the last one replaced overlaps making this one.
  // The new build folder starts from the current one meanwhile (see openOutput).
  let writer = existsSync(outputPlace(options.out).store) ? await openOutput(options.out, record) : undefined;
  // Before the build reads them, as the check took it (see fixedInputs); none without a cache, which records no key.
  const fixed = check?.inputs?.fixed ?? (options.cacheDir === undefined ? "" : fixedInputs(options, templateDirs(options.root), digests));
  try {
    const packs = options.cacheDir === undefined ? undefined : await openPackMemos(options.cacheDir, ["issues", "pages", "fragments", "search"] as const, PACK_READS);
    let earlier: Promise<OutputRecord | undefined> | undefined;
    const attempt = async (reuse: Reuse) => {
      const generated = await generate(options, reuse);
      // Taken only once the content has no errors: a failed build keeps the record of the output it left alone.
      earlier ??= takeRecord(options.cacheDir, record);
      writer ??= await openOutput(options.out);
      const writeStarted = performance.now();
      const written = await writer.write(generated.output, await earlier);
      generated.stats.stages.push(["write", performance.now() - writeStarted]);
      return { generated, written };
    };
    // Cached pages are read only when needed, so a damaged one can turn up late: then the run is repeated reading every value it uses.
    const { generated, written } = await attempt({ ...(packs?.memos ?? NO_REUSE), checked: check?.inputs?.sources, digests }).catch((error: unknown) => {
      if (!(error instanceof DamagedCacheError) || packs === undefined) throw error;
      return attempt({ ...readingEverything(packs.memos), digests });
    });
    return await finish(options, generated, written, packs, record, { digests, fixed });
  } finally {
    await writer?.close();
  }
}

/**
 * Fragments: thousands of small values, most read by any build that renders
 * a list page. Search parts: a few big ones, left unread when their files
 * are already in the output (see search.ts).
 */
const PACK_READS = { fragments: "whole", search: "records" } as const;

/** Saves the cache and the record of what was written, for the next build. */
async function finish(options: SiteBuildOptions, generated: Generated, written: Written, packs: PackMemos<string> | undefined, record: OutputRecord | undefined, inputs: { digests: FileDigests; fixed: string }): Promise<SiteBuild> {
  const { digests } = inputs;
  const addresses = comparedAddresses(options, generated, record);
  // After the build's own, as they come from the record of the last build; one "if you mean these" line for all, as the README says: the config's ignoreWarnings and an issue's stop both.
  const warnings = warningLines([...generated.warnings, ...addresses.warnings]);
  // The notes are made from what the record keeps, as a skipped build makes them: one path for both.
  const leftOut = notedIssues([...generated.issues, ...generated.failed.map((issue) => ({ issue }))], generated.config.lang, generated.today);
  const failures = (await packs?.save()) ?? [];
  if (options.cacheDir !== undefined) {
    const key = inputKey(inputs.fixed, generated.sources);
    await digests.save(options.cacheDir).catch((error: unknown) => failures.push({ name: "file digests", error }));
    const summary = { window: generated.window, timeZone: generated.config.timeZone, issues: generated.site.issues.length, warnings, leftOut, addresses: addresses.record };
    await saveRecord(options.cacheDir, options.out, key, written, summary).catch((error: unknown) => failures.push({ name: "record", error }));
  }
  return { upToDate: false, generated, written, warnings, leftOut, today: generated.today, timeZone: generated.config.timeZone, cacheWarnings: cacheNotSaved(options.cacheDir ?? "", failures) };
}

/**
 * The issue pages the last build published that this one lost (see
 * published-addresses.ts), and the addresses to record for the next build.
 * Only builds of what readers get are compared: a preview with --drafts or
 * --future keeps the last record's list.
 */
function comparedAddresses(options: SiteBuildOptions, generated: Generated, record: OutputRecord | undefined): { warnings: VFileMessage[]; record: PublishedAddress[] | undefined } {
  const before = asAddresses(record?.addresses);
  if (options.drafts === true || options.future === true) return { warnings: [], record: before };
  const current = publishedAddresses(generated.site);
  if (before === undefined) return { warnings: [], record: current };
  const known = [...generated.issues.map((r) => r.issue), ...generated.failed];
  const lost = lostAddresses(before, generated.site, (route) => generated.output.has(routeFile(route)), known, generated.config.basePath);
  const swap = languageSwapWarning(before, generated.site, generated.config.file, generated.config.basePath);
  const warnings = unignored([...(swap === undefined ? [] : [swap]), ...lost.warnings], generated.config.ignoreWarnings, known);
  return { warnings, record: [...current, ...lost.unresolved] };
}

/**
 * One warning per cause, naming the parts of the cache it stopped: a full
 * disk fails every part at once, and five lines saying so would bury the
 * build's own summary.
 */
function cacheNotSaved(cacheDir: string, failures: readonly CacheFailure[]): string[] {
  const byCause = groupBy(failures, (failure) => machineWords(failure.error) ?? (failure.error instanceof Error ? failure.error.message : String(failure.error)));
  return [...byCause].map(([cause, parts]) => `the cache in ${cacheDir} was not saved (${parts.map((part) => part.name).join(", ")}): ${cause}; the site was built all the same, and the next build redoes what the cache would have saved`);
}

/** The same memos without Memo.stored: every value is read (and checked) where it is used, and a damaged one is made again. */
function readingEverything(memos: Reuse): Reuse {
  const eager = (memo: Memo): Memo => (key, compute, options) => memo(key, compute, options);
  // Fragments stay as they are: a damaged one is made again where it is read (partial-memo.ts).
  return { ...memos, issues: eager(memos.issues), pages: eager(memos.pages), search: eager(memos.search) };
}

/** The last build's record (read at the start), forgotten on disk before the output changes (a build killed while writing leaves none). */
async function takeRecord(cacheDir: string | undefined, record: OutputRecord | undefined): Promise<OutputRecord | undefined> {
  if (cacheDir === undefined) return undefined;
  await forgetRecord(cacheDir).catch(() => undefined);
  return record;
}

/**
 * Whether `out` still holds exactly what these inputs would give, as the
 * last build's record says; with what the check read (nothing is read once
 * the record's date window has passed).
 */
async function checkCurrent(options: SiteBuildOptions, record: OutputRecord, today: string, digests: FileDigests): Promise<{ upToDate: boolean; inputs?: CurrentInputs }> {
  if (!inWindow(record.window, today)) return { upToDate: false };
  const inputs = await currentInputs(options, digests);
  return { upToDate: stillWritten(record, options.out, inputs.key), inputs };
}

/** The default cache folder of a site. */
export function defaultCacheDir(root: string): string {
  return resolve(join(root, ".gekkan", "cache"));
}
