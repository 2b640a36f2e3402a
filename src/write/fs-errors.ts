import { PlainError } from "../diagnostics.js";

/** What the machine said, in words, for errors that are the machine's and not gekkan's. */
const MACHINE: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  ENAMETOOLONG: "a file name is too long for this file system",
  EMFILE: "too many files are open",
  EIO: "the disk reported an input/output error",
  ENOTDIR: "a part of the path is a file, not a folder",
};

/**
 * A file-system error while writing, as a plain message (exit 1, no stack)
 * when the cause is the machine's; anything else is left to surface as a bug.
 * `after` ends the message: by default, that the output was left as it was.
 */
export function machineError(error: unknown, doing: string, path: string, after = "; the previous output is unchanged"): unknown {
  const words = machineWords(error);
  if (words === undefined) return error;
  return new PlainError(`could not ${doing} ${JSON.stringify(path)}: ${words}${after}`);
}

/** "the disk is full (ENOSPC)" for a machine's error; undefined for any other. */
export function machineWords(error: unknown): string | undefined {
  const { code, syscall } = (error as NodeJS.ErrnoException | undefined) ?? {};
  // Folders are made one at a time (make-folder.ts), so "no such file" from mkdir is the file system refusing one where its parent is (/proc).
  const words = code === undefined ? undefined : code === "ENOENT" && syscall === "mkdir" ? "this file system does not take new folders there" : MACHINE[code];
  return words === undefined ? undefined : `${words} (${code})`;
}
