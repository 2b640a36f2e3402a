import type { Hash } from "node:crypto";
import { closeSync, fstatSync, lstatSync, readSync, statSync, type Stats } from "node:fs";
import { join, sep } from "node:path";
import { listTree } from "../file-tree.js";
import { openRegularFile } from "../regular-file.js";
import { PUBLIC_READ_BYTES } from "../limits.js";
import type { FileDigests } from "./file-digests.js";

/**
 * Every entry under `dir` (names, kinds and file bytes) into `hash`, in a
 * stable order; a missing folder hashes as absent. Entries that cannot be
 * read (a broken link, no permission) hash as such: the build that reads
 * them reports the problem, a key never throws.
 */
export function hashTree(hash: Hash, dir: string, followLinks: boolean, digests?: FileDigests): void {
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
    if (stat?.isFile() === true) hashFile(hash, portable, path, digests);
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

/**
 * One file into `hash`: name, size and bytes (or "absent"). Only a regular
 * file is read (openRegularFile): a FIFO would block. Read a slice at a time, so a video in
 * public/ is never held whole, and one over what a buffer can hold (2 GB)
 * is hashed by its bytes too, not as absent whatever it holds. With
 * `digests`, a large file (over PUBLIC_READ_BYTES) goes in by its own
 * SHA-256, which they keep between runs (file-digests.ts).
 */
export function hashFile(hash: Hash, name: string, path: string, digests?: FileDigests): void {
  hash.update(name).update("\0");
  let fd: number | undefined;
  try {
    fd = openRegularFile(path);
    // Its size first, so the bytes that follow cannot be read as another file's.
    const size = fstatSync(fd).size;
    hash.update(`${size}\0`);
    if (digests !== undefined && size > PUBLIC_READ_BYTES) {
      hash.update(`${digests.of(path, fd, SLICE)}\0`);
      return;
    }
    let total = 0;
    for (let read = readSync(fd, SLICE); read > 0; read = readSync(fd, SLICE)) {
      hash.update(SLICE.subarray(0, read));
      total += read;
    }
    // Written to while read: a key that matches no other state of the file.
    hash.update(total === size ? "\0" : `\0changing ${total}\0`);
  } catch {
    hash.update("absent\0");
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** One buffer for every file hashed: the hashing is synchronous, so no two reads share it at once. */
const SLICE = Buffer.alloc(1024 * 1024);
