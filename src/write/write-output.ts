import { lstatSync } from "node:fs";
import { link, lstat, mkdir, readdir, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { OutputSet } from "./output.js";
import { safeOutputPath } from "./safe-path.js";
import { lockOutput } from "./build-lock.js";
import { crashPoint } from "./crash-point.js";
import { machineError } from "./fs-errors.js";
import { currentBuild, linkText, outputPlace, type OutputPlace } from "./versions.js";
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from "./output-dir.js";

/** One file as written: enough to tell later that nobody changed it, and what it holds. */
export interface FileRecord {
  path: string;
  /** Content address (OutputSet.identity). */
  id: string;
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface Written {
  /** The build folder `out` now links to. */
  build: string;
  files: FileRecord[];
  /** Files taken over unchanged from the previous build (hard links) and files written. */
  linked: number;
  wrote: number;
}

/** The previous build as recorded: files whose id is unchanged are linked, not written again. */
export interface Earlier {
  build: string;
  files: readonly FileRecord[];
}

const BATCH = 32;

/**
 * Publishes `output` at `out` in one atomic step. The files go into a new
 * build folder beside the current one (unchanged files as hard links to the
 * current build's, so a monthly build writes only what changed); then the
 * `out` link is replaced by a rename, and older builds are removed. An
 * interruption at any point leaves `out` naming a complete build.
 */
export async function writeOutput(out: string, output: OutputSet, earlier?: Earlier): Promise<Written> {
  const place = outputPlace(out);
  await guard(() => mkdir(place.store, { recursive: true }), "create", place.store);
  const lock = await lockOutput(place.store, place.out);
  try {
    await guard(() => restoreEarlier(place), "restore", place.out);
    const current = currentBuild(place);
    const build = join(place.store, `b${Date.now().toString(36)}-${process.pid}`);
    // Leftovers of interrupted or older builds go while this one is written (different files, other threads).
    const leftovers = removeOthers(place, new Set([build, ...(current ? [current] : [])]));
    const { files, linked } = await guard(() => fill(build, output, current !== undefined && earlier?.build === current ? earlier : undefined), "write the site to", build);
    crashPoint("link");
    await guard(() => swapIn(place, build), "publish the site at", place.out);
    crashPoint("prune");
    await leftovers;
    await removeOthers(place, new Set([build]));
    return { build, files, linked, wrote: files.length - linked };
  } finally {
    await lock.release();
  }
}

async function fill(build: string, output: OutputSet, earlier: Earlier | undefined): Promise<{ files: FileRecord[]; linked: number }> {
  const reusable = new Map((earlier?.files ?? []).map((file) => [file.path, file]));
  const made = new Set<string>();
  const paths = output.paths();
  const files: FileRecord[] = [];
  let linked = 0;
  await mkdir(build, { recursive: true });
  for (let at = 0; at < paths.length; at += BATCH) {
    const batch = paths.slice(at, at + BATCH);
    for (const path of batch) {
      const parent = dirname(safeOutputPath(build, path));
      if (!made.has(parent)) {
        await mkdir(parent, { recursive: true });
        made.add(parent);
      }
    }
    files.push(...await Promise.all(batch.map(async (path): Promise<FileRecord> => {
      // Half-way through: the new build folder is partly written.
      if (path === paths[paths.length >> 1]) crashPoint("fill");
      const target = safeOutputPath(build, path);
      const id = output.identity(path) as string;
      const previous = reusable.get(path);
      if (earlier !== undefined && previous?.id === id && intact(join(earlier.build, path), previous)) {
        await link(join(earlier.build, path), target);
        linked++;
        return { ...previous, path };
      }
      await writeFile(target, output.get(path) as string | Uint8Array);
      const written = await stat(target);
      return { path, id, ino: written.ino, size: written.size, mtimeMs: written.mtimeMs };
    })));
  }
  return { files, linked };
}

/** Unchanged since it was recorded (same inode, size and mtime): safe to link into the next build. */
export function intact(path: string, record: FileRecord): boolean {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  return stat !== undefined && stat.isFile() && stat.ino === record.ino && stat.size === record.size && stat.mtimeMs === record.mtimeMs;
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

/** Removes every build in the store but `keep`, and temp links of killed builds beside `out`. */
async function removeOthers(place: OutputPlace, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(place.store).catch((): string[] => []);
  const doomed = names.filter((name) => name !== "lock" && !keep.has(join(place.store, name))).map((name) => join(place.store, name));
  const parent = dirname(place.out);
  const prefix = `.${basename(place.out)}.`;
  // `.link-*`: this scheme's temp links; `.building-*`/`.old-*`: folders earlier gekkan versions left behind.
  const strays = (await readdir(parent).catch((): string[] => [])).filter((name) => name.startsWith(prefix) && /^\.[^/]+\.(?:link|building|old)-/.test(name));
  await Promise.all([...doomed, ...strays.map((name) => join(parent, name))].filter((path) => !keep.has(path)).map((path) => rm(path, { recursive: true, force: true })));
}

async function guard<T>(step: () => Promise<T>, doing: string, path: string): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw machineError(error, doing, path);
  }
}
