import type { Hash } from "node:crypto";
import { lstatSync, readFileSync, statSync, type Stats } from "node:fs";
import { join, sep } from "node:path";
import { listTree } from "../file-tree.js";

/**
 * Every entry under `dir` (names, kinds and file bytes) into `hash`, in a
 * stable order; a missing folder hashes as absent. Entries that cannot be
 * read (a broken link, no permission) hash as such: the build that reads
 * them reports the problem, a key never throws.
 */
export function hashTree(hash: Hash, dir: string, followLinks: boolean): void {
  let names: string[];
  try {
    names = listTree(dir, followLinks);
  } catch {
    hash.update("absent\0");
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const portable = name.split(sep).join("/");
    const stat = statOf(path, followLinks);
    if (stat?.isFile() === true) hashFile(hash, portable, path);
    else hash.update(`${portable}\0${stat === undefined ? "unreadable" : stat.isDirectory() ? "dir" : "other"}\0`);
  }
}

/** The entry's kind; undefined when it cannot be told (missing, a loop of links: stat throws ELOOP). */
function statOf(path: string, followLinks: boolean): Stats | undefined {
  try {
    return followLinks ? statSync(path, { throwIfNoEntry: false }) : lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** One file into `hash`: name, size, bytes (or "absent"). Only a regular file is read: a FIFO would block. */
export function hashFile(hash: Hash, name: string, path: string): void {
  let bytes: Buffer | undefined;
  try {
    bytes = statSync(path).isFile() ? readFileSync(path) : undefined;
  } catch {
    bytes = undefined;
  }
  hash.update(name).update("\0").update(bytes === undefined ? "absent\0" : `${bytes.length}\0`);
  if (bytes !== undefined) hash.update(bytes).update("\0");
}
