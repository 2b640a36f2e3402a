import { existsSync, lstatSync, readdirSync, readlinkSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { PlainError } from "../diagnostics.js";
import { contains, realPath } from "./real-path.js";
import { machineError } from "./fs-errors.js";
import { isOwnLink, isStoreEntry, isStoreName, outputPlace } from "./versions.js";

/** Left in every output folder gekkan writes: proof that replacing the folder loses nothing of the author's. */
export const OUTPUT_MARKER = ".gekkan-output";
export const OUTPUT_MARKER_TEXT = "This folder is written by gekkan build and is replaced as a whole on every build.\n";

/** Folders of a site that hold the author's own files. */
const SOURCE_FOLDERS = ["content", "templates", "public", ".git", ".gekkan", "node_modules"] as const;

/**
 * Throws when writing the site into `out` could destroy something of the
 * author's: the output folder is replaced as a whole, so it must not be,
 * contain, or sit inside the site or its sources, must not be an existing
 * file, and an existing folder must be one gekkan wrote (or `force`).
 */
export function assertSafeOutputDir(root: string, out: string, options: { force?: boolean } = {}): void {
  const reason = outputDirProblem(root, out, options.force === true);
  if (reason !== undefined) throw new PlainError(`refusing to write the site to ${JSON.stringify(out)}: ${reason}`);
}

/**
 * The folder a build really publishes to. An `out` that is a symbolic link
 * the author made (dist → /var/www/site) is followed: the folder it points
 * to is the output, and is the one replaced; a link gekkan made is itself
 * the output.
 */
export function outputTarget(out: string): string {
  let path = resolve(out);
  for (let hops = 0; hops < 40; hops++) {
    const stat = lstatOutput(path, out);
    if (stat === undefined || !stat.isSymbolicLink() || isOwnLink(path)) return path;
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw new PlainError(`the output path ${JSON.stringify(out)} is a loop of symbolic links`);
}

/**
 * lstat of a step towards the output. `--out /dev/null/x` (a file where a
 * folder of the path should be) threw ENOTDIR out of lstat and ended the
 * build as a bug with a stack trace; it is a machine problem, in words.
 */
function lstatOutput(path: string, out: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw machineError(error, "write the site to", out, "");
  }
}

export function outputDirProblem(root: string, out: string, force: boolean): string | undefined {
  const site = realPath(resolve(root));
  const target = realPath(resolve(out));
  const repo = repositoryRoot(site);
  if (target === site) return "that is the site folder itself, and building would delete content/ and the config; use the default dist/ or another new folder";
  if (contains(target, site)) return "that folder contains the site, and building would delete it; choose a folder inside the site such as dist/";
  if (repo !== undefined && (target === repo || contains(target, repo))) return "that folder is or contains the repository, and building would delete it; choose a folder such as dist/";
  // A slip such as `--out ~` (or `--out $HOME/` with the rest of the path lost) must not be one --force away from replacing the home folder.
  const home = homeFolder();
  if (home !== undefined && (target === home || contains(target, home))) return `that folder ${target === home ? "is" : "contains"} your home folder, and building would replace it as a whole (--force cannot allow that); choose a new folder such as dist/`;
  for (const name of SOURCE_FOLDERS) {
    const folder = realPath(join(site, name));
    if (target === folder || contains(folder, target)) return `that is ${target === folder ? "" : "inside "}the site's ${name}/ folder, whose files would be replaced; choose a folder outside it such as dist/`;
  }
  const store = storeProblem(out, force);
  if (store !== undefined) return store;
  // gekkan's own link (dist) leads into its folder of builds: that one is the output, not inside another.
  if (isOwnLink(out)) return undefined;
  const build = enclosingBuild(target);
  if (build !== undefined) return `that is inside ${JSON.stringify(build)}, which gekkan made and replaces or removes on its next build, so this output would go with it (or take the place of part of a published site); choose a folder outside it such as dist/`;
  const stat = statOf(target);
  if (stat === undefined) return undefined;
  if (!stat.isDirectory()) return "that is an existing file, not a folder; choose a folder name such as dist/";
  if (force || hasMarker(target)) return undefined;
  if (readdirSync(target).length === 0) return undefined;
  return `that folder already holds files gekkan did not write (it has no ${OUTPUT_MARKER} marker), and building replaces the whole folder; choose an empty or new folder, or pass --force to replace it`;
}

/**
 * The folder of builds beside the output (`.dist-gekkan` for dist) is made
 * and emptied by every build: a file there stopped the build with a stack
 * trace, and a folder of that name holding someone's files lost them to the
 * next build's removal of leftovers, with no --force asked for.
 */
function storeProblem(out: string, force: boolean): string | undefined {
  const { store } = outputPlace(out);
  const stat = statOf(store);
  if (stat === undefined) return undefined;
  const where = `gekkan keeps this output's builds in ${JSON.stringify(store)}`;
  if (!stat.isDirectory()) return `${where}, and that is ${stat.isSymbolicLink() ? "a symbolic link that leads nowhere" : "a file"}, not a folder; move or rename it, or choose another output folder`;
  if (force) return undefined;
  const foreign = readdirSync(store).filter((name) => !isStoreEntry(name)).sort();
  if (foreign.length === 0) return undefined;
  return `${where}, which already holds files gekkan did not write (${foreign.slice(0, 3).map((name) => JSON.stringify(name)).join(", ")}${foreign.length > 3 ? ", …" : ""}), and every build removes all but its own builds there; move them out, choose another output folder, or pass --force to remove them`;
}

/**
 * Whether `dir` holds the marker gekkan writes, a regular file. An output
 * named like it (`--out x/.gekkan-output`, a link to its build) made `x`
 * pass for an output folder: every later --out in it was refused as inside
 * a build, and `--out x` replaced x as a whole without --force.
 */
function hasMarker(dir: string): boolean {
  return lstatSync(join(dir, OUTPUT_MARKER), { throwIfNoEntry: false })?.isFile() === true;
}

/** The build folder, or the folder of builds (`.dist-gekkan`), that holds `target`, if any. */
export function enclosingBuild(target: string): string | undefined {
  for (let dir = dirname(target); dir !== dirname(dir); dir = dirname(dir)) {
    if (hasMarker(dir) || isStoreName(basename(dir))) return dir;
  }
  return undefined;
}

function statOf(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return lstatSync(path, { throwIfNoEntry: false });
  }
}

function repositoryRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The user's home folder, links resolved; undefined when there is none to speak of (HOME unset, or the file system root). */
function homeFolder(): string | undefined {
  let home: string;
  try {
    home = homedir();
  } catch {
    return undefined;
  }
  if (home === "") return undefined;
  const real = realPath(resolve(home));
  return dirname(real) === real ? undefined : real;
}
