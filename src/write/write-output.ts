import { constants, copyFileSync, type Dirent, linkSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { lstat, readdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
import { Worker } from "node:worker_threads";
import { makeFolder } from "../make-folder.js";
import type { OutputSet } from "./output.js";
import { safeOutputPath } from "./safe-path.js";
import { LOCK_FILE, lockOutput } from "./build-lock.js";
import { crashPoint } from "./crash-point.js";
import { machineError, machineWords } from "./fs-errors.js";
import { ownerHint } from "./owner-hint.js";
import { BUILD_NAME, currentBuild, linkText, outputPlace, type OutputPlace } from "./versions.js";
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from "./output-dir.js";
import { intact, type FileRecord } from "./file-record.js";
import { startDraft, type Draft, type DraftSource } from "./draft-build.js";

export type { FileRecord } from "./file-record.js";

export interface Written {
  /** The build folder `out` now links to. */
  build: string;
  files: FileRecord[];
  /** Files taken over unchanged from the previous build (hard links) and files written. */
  linked: number;
  wrote: number;
  /** Why an older build could not be removed, as a warning; the site was published all the same. */
  notRemoved?: string | undefined;
}

/** The previous build as recorded: files whose id is unchanged are linked, not written again. */
export type Earlier = DraftSource;

/**
 * Publishes `output` at `out` in one atomic step. The files go into a new
 * build folder beside the current one (unchanged files as hard links to the
 * current build's, so a monthly build writes only what changed); then the
 * `out` link is replaced by a rename. An interruption at any point leaves
 * `out` naming a complete build.
 */
export async function writeOutput(out: string, output: OutputSet, earlier?: Earlier): Promise<Written> {
  const writer = await openOutput(out);
  try {
    return await writer.write(output, earlier);
  } finally {
    await writer.close();
  }
}

export interface OutputWriter {
  write: (output: OutputSet, earlier?: Earlier) => Promise<Written>;
  /** Waits for the removal of older builds and lets other builds write again. */
  close: () => Promise<void>;
}

/**
 * Takes `out` for one build before its site is made: locks it, and starts
 * removing every build but the current one. The build that a write
 * replaces stays until the next build opens the output. Given the record
 * of the current build (`earlier`), that next build turns the replaced
 * build into its own new folder (see recycleInto in draft-build.ts) while
 * it is still working on its site, and a write with that same record
 * finishes it; other builds in the store are removed meanwhile on a thread
 * of their own, instead of deleting thousands of files while the author waits.
 */
export async function openOutput(out: string, earlier?: Earlier): Promise<OutputWriter> {
  const place = outputPlace(out);
  await guard(async () => makeFolder(place.store), "create", place.store);
  const lock = await lockOutput(place.store, place.out);
  let leftovers: Promise<unknown> = Promise.resolve();
  let draft: Draft | undefined;
  try {
    await guard(() => restoreEarlier(place), "restore", place.out);
    const current = currentBuild(place);
    const drafting = current !== undefined && earlier?.build === current;
    // One listing: the folder the draft is made from is picked among what is removed otherwise.
    const stored = listOrNone(place.store);
    // The draft is made from the build before the current one: see recycleInto.
    const old = drafting ? replacedBuild(place, stored, current) : undefined;
    leftovers = removeOthers(place, stored, new Set([current, old].filter((path) => path !== undefined)));
    leftovers.catch(() => undefined);
    if (drafting) draft = startDraft(newBuildFolder(place), earlier, old);
  } catch (error) {
    await lock.release();
    throw error;
  }
  return {
    write: (output, record) => {
      // One use: a repeated run (see buildSite) starts a folder of its own.
      const started = draft;
      draft = undefined;
      return publish(place, output, record, leftovers, started);
    },
    close: async () => {
      // A build that failed before publishing leaves its draft for the next build (see Draft.stop).
      if (draft !== undefined) await draft.stop();
      await leftovers.catch(() => undefined);
      await lock.release();
    },
  };
}

/**
 * A name no build folder has had: the time and process alone repeat when one
 * process publishes twice within a millisecond (the next folder would then
 * be the current one), so random bytes follow them.
 */
function newBuildFolder(place: OutputPlace): string {
  return join(place.store, `b${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString("hex")}`);
}

/**
 * A build folder of the store other than `current`: the one the current
 * build replaced, or one a killed build left. Only a real folder named as
 * gekkan names builds; anything it holds is checked file by file anyway.
 */
function replacedBuild(place: OutputPlace, stored: readonly Dirent[], current: string): string | undefined {
  const folders = stored.filter((entry) => entry.isDirectory() && BUILD_NAME.test(entry.name)).map((entry) => join(place.store, entry.name));
  return folders.filter((path) => path !== current).sort().at(-1);
}

async function publish(place: OutputPlace, output: OutputSet, earlier: Earlier | undefined, leftovers: Promise<unknown>, draft: Draft | undefined): Promise<Written> {
  const current = currentBuild(place);
  const usable = current !== undefined && earlier?.build === current ? earlier : undefined;
  // A build folder has one record: a draft from it is good for any copy of that record.
  const drafted = draft !== undefined && usable !== undefined && draft.source.build === usable.build ? await draft.linked : undefined;
  if (draft !== undefined && drafted === undefined) await draft.stop();
  const build = drafted === undefined || draft === undefined ? newBuildFolder(place) : draft.folder;
  const { files, linked } = await guard(async () => {
    try {
      return fill(build, output, usable, drafted ?? new Set());
    } catch (error) {
      // Never published: a repeated run (see buildSite) starts a folder of its own.
      rmSync(build, { recursive: true, force: true });
      throw error;
    }
  }, "write the site to", build);
  crashPoint("link");
  await guard(() => swapIn(place, build), "publish the site at", place.out);
  crashPoint("prune");
  const notRemoved = await leftovers.then(() => undefined, (error: unknown) => notRemovedWarning(error, place));
  return { build, files, linked, wrote: files.length - linked, notRemoved };
}

/**
 * The new build folder, one file after another with synchronous calls: the
 * work is thousands of tiny metadata operations (a link per unchanged file),
 * which a tight loop does several times faster than promises through the
 * thread pool. `drafted`: files a draft (see draft-build.ts) already linked
 * from `earlier` into `build`; those the output no longer has go first, and
 * a changed one is unlinked before it is written (never written through the
 * link, into the published build).
 */
function fill(build: string, output: OutputSet, earlier: Earlier | undefined, drafted: ReadonlySet<string>): { files: FileRecord[]; linked: number } {
  const reusable = new Map((earlier?.files ?? []).map((file) => [file.path, file]));
  const paths = output.paths();
  removeStale(build, paths, drafted);
  const made = new Set<string>();
  const files: FileRecord[] = [];
  let linked = 0;
  mkdirSync(build, { recursive: true });
  for (const [at, path] of paths.entries()) {
    // Half-way through: the new build folder is partly written.
    if (at === paths.length >> 1) crashPoint("fill");
    const id = output.identity(path) as string;
    const previous = reusable.get(path);
    if (previous?.id === id && drafted.has(path)) {
      linked++;
      files.push(previous);
      continue;
    }
    const target = safeOutputPath(build, path);
    if (drafted.has(path)) unlinkSync(target);
    const parent = dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    if (earlier !== undefined && previous?.id === id && intact(join(earlier.build, path), previous)) {
      linkSync(join(earlier.build, path), target);
      linked++;
      files.push(previous);
      continue;
    }
    const source = output.source(path);
    // A large public file goes file to file (a clone where the file system can), never through memory.
    if (source !== undefined) copyFileSync(source, target, constants.COPYFILE_FICLONE);
    else writeFileSync(target, output.get(path) as string | Uint8Array);
    const written = statSync(target);
    files.push({ path, id, ino: written.ino, size: written.size, mtimeMs: written.mtimeMs });
  }
  return { files, linked };
}

/** Removes drafted files the output does not have, and folders they leave empty: the folder holds what a fresh fill would make. */
function removeStale(build: string, paths: readonly string[], drafted: ReadonlySet<string>): void {
  if (drafted.size === 0) return;
  const wanted = new Set(paths);
  for (const path of drafted) {
    if (wanted.has(path)) continue;
    const target = safeOutputPath(build, path);
    unlinkSync(target);
    let dir = dirname(target);
    while (dir !== build && removeIfEmpty(dir)) dir = dirname(dir);
  }
}

/** Removes `dir` if it is empty; true when it was. */
function removeIfEmpty(dir: string): boolean {
  try {
    rmdirSync(dir);
    return true;
  } catch {
    return false;
  }
}

/** Replaces `out` with a link to `build`: one rename, so readers never see a missing or mixed site. */
async function swapIn(place: OutputPlace, build: string): Promise<void> {
  const temp = join(dirname(place.out), `.${basename(place.out)}.link-${process.pid}`);
  await rm(temp, { force: true });
  try {
    await symlink(linkText(place, build), temp, "dir");
  } catch (error) {
    if (!["EPERM", "EINVAL", "ENOTSUP", "ENOSYS"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    return swapWithoutLinks(place, build);
  }
  const existing = await lstat(place.out).catch(() => undefined);
  if (existing !== undefined && !existing.isSymbolicLink()) {
    // A real folder from before builds were linked (checked as gekkan's by the caller): moved aside once.
    await rename(place.out, join(place.store, `earlier-${Date.now().toString(36)}`));
    crashPoint("migrate");
  }
  await rename(temp, place.out);
  crashPoint("swap");
}

/**
 * File systems without symbolic links: `out` stays a real folder, swapped
 * with two renames. For a moment between them `out` is missing; a build
 * killed there leaves the new build complete in the store, and the next
 * build publishes it.
 */
async function swapWithoutLinks(place: OutputPlace, build: string): Promise<void> {
  await writeFile(join(build, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
  const aside = join(place.store, `earlier-${Date.now().toString(36)}`);
  await rename(place.out, aside).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(build, place.out);
}

/**
 * A build killed between moving an earlier real output folder aside and
 * linking the new one (see swapIn, swapWithoutLinks) leaves no `out`: the
 * folder it moved aside is put back first, so nothing is lost.
 */
async function restoreEarlier(place: OutputPlace): Promise<void> {
  if ((await lstat(place.out).catch(() => undefined)) !== undefined) return;
  const earlier = (await readdir(place.store).catch((): string[] => [])).filter((name) => name.startsWith("earlier-")).sort().at(-1);
  if (earlier !== undefined) await rename(join(place.store, earlier), place.out);
}

/**
 * Removes every entry of the store in `stored` but `keep`, and temp links
 * of killed builds beside `out`. What goes is what was listed before any
 * folder of this build was made: a build folder made later is never among it.
 */
function removeOthers(place: OutputPlace, stored: readonly Dirent[], keep: ReadonlySet<string>): Promise<unknown> {
  const doomed = stored.filter((entry) => entry.name !== LOCK_FILE).map((entry) => join(place.store, entry.name));
  const prefix = `.${basename(place.out)}.`;
  // `.link-*`: this scheme's temp links; `.building-*`/`.old-*`: folders earlier gekkan versions left behind.
  const strays = listOrNone(dirname(place.out)).map((entry) => entry.name).filter((name) => name.startsWith(prefix) && /^\.[^/]+\.(?:link|building|old)-/.test(name)).map((name) => join(dirname(place.out), name));
  return removeAside([...doomed, ...strays].filter((path) => !keep.has(path)));
}

/**
 * Removes folders on a thread of their own with synchronous calls: tens of
 * thousands of unlinks queued on Node's shared I/O threads would stall
 * everything else the build reads meanwhile (its own modules included).
 */
function removeAside(paths: readonly string[]): Promise<unknown> {
  if (paths.length === 0) return Promise.resolve();
  const code = 'const { rmSync } = require("node:fs"); for (const path of require("node:worker_threads").workerData) rmSync(path, { recursive: true, force: true });';
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: paths });
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`removing older builds stopped (exit ${code})`))));
  }).catch(() => Promise.all(paths.map((path) => rm(path, { recursive: true, force: true }))));
}

/**
 * An older build the machine would not let go of, once the new one is
 * published: a warning, not a failure, as the readers' site is complete.
 * A build run once with sudo leaves builds only root may remove; that was
 * an internal error (exit 70) after the site had been published.
 */
function notRemovedWarning(error: unknown, place: OutputPlace): string {
  const words = machineWords(error);
  const path = (error as NodeJS.ErrnoException).path;
  if (words === undefined || path === undefined) throw error;
  const inStore = relative(place.store, path);
  // The entry of the store the file is in: that is what the author removes, or gives back to themselves.
  const folder = inStore.startsWith("..") || isAbsolute(inStore) ? path : join(place.store, inStore.split(sep)[0] ?? "");
  // Removing a file or folder is the right of the folder it is in: that folder's owner is the one to name.
  return `could not remove an older build: ${words} for ${JSON.stringify(folder)}${ownerHint(folder === path ? path : dirname(path), folder)}; the site was built and published all the same, and the next build tries again`;
}

/** The entries of `dir` (a link is a link, not what it points at); none when it cannot be read. */
function listOrNone(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

async function guard<T>(step: () => Promise<T>, doing: string, path: string): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw machineError(error, doing, path);
  }
}
