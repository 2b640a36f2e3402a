import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { isKeptOut } from "./kept-out.js";

/**
 * Every entry under `dir` (files, folders and anything else), as paths
 * relative to it, sorted. Throws, as readdir does, when `dir` itself cannot
 * be listed; a folder below it that cannot be listed is listed by name only
 * (the stage that reads it reports why).
 *
 * By hand, not `readdir({ recursive: true })`: Node 20's recursive listing
 * descends into every linked folder, so `public/etc → /etc` listed (and the
 * build copied) /etc, and two links to `.` made it list 2^n paths, a hang.
 * Here a link to a folder is entered only with `followLinks`, and never when
 * it leads back to a folder it sits in (a loop: listed, not entered).
 * An editor's or the system's leftover (`style.css~`, `.DS_Store`, Emacs's
 * lock `.#x`, version control's `.git`: see kept-out.ts) is not listed: it is no part of the site.
 */
export function listTree(dir: string, followLinks: boolean): string[] {
  const names: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true, encoding: "utf8" });
  visit(dir, "", entries, new Set([realpathSync(dir)]), followLinks, names);
  return names.sort();
}

function visit(dir: string, rel: string, entries: Dirent[], ancestors: ReadonlySet<string>, followLinks: boolean, names: string[]): void {
  for (const entry of entries) {
    if (isKeptOut(entry.name)) continue;
    const name = rel === "" ? entry.name : join(rel, entry.name);
    names.push(name);
    const path = join(dir, entry.name);
    const enter = entry.isDirectory() || (followLinks && entry.isSymbolicLink() && isFolder(path));
    const real = enter ? realFolder(path) : undefined;
    if (real === undefined || ancestors.has(real)) continue;
    let inner: Dirent[];
    try {
      inner = readdirSync(path, { withFileTypes: true, encoding: "utf8" });
    } catch {
      continue;
    }
    visit(path, name, inner, new Set([...ancestors, real]), followLinks, names);
  }
}

/** Whether `path` is a folder, through links; false when it is missing, broken or a loop of links (stat throws). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function realFolder(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** Whether `path` is a regular file, through links; false when it is missing, broken, a loop, a folder or a device. */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
