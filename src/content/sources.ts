import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from "node:fs";
import { join, sep } from "node:path";
import type { VFileMessage } from "vfile-message";
import { ContentError } from "../diagnostics.js";
import { DEFAULT_LIMITS, type ContentLimits } from "../limits.js";
import { insideSite, realSiteRoot, resolveLink, scanIssueTree } from "./source-tree.js";
import { notAFile, outside, tooLarge, unreadable } from "./source-problems.js";

export const CONTENT_DIR = join("content", "issues");

/** Root-relative content folder with "/" separators, as paths are printed. */
export const CONTENT_PREFIX = CONTENT_DIR.split(sep).join("/");

export interface SourceFile {
  /** Relative to the site root, with "/" separators (as printed in messages). */
  file: string;
  bytes: Uint8Array;
}

/** The sources that could be read, and one located message per file or folder that was refused. */
export interface SourceSet<S extends SourceFile = SourceFile> {
  sources: Array<SourceFile | S>;
  problems: VFileMessage[];
}

/** A source the caller has already seen (see readSourceSet): its size, and the source to take for it. */
export interface KnownSource<S extends SourceFile> {
  size: number;
  source: S;
}

/**
 * Every `*.md` under content/issues (any depth, dot-names skipped), in a
 * stable order. Symbolic links are followed while they stay inside the
 * site; entries that cannot be issues (a link outside, a loop, a misnamed
 * file) are listed too, after them, so that reading them reports why.
 */
export async function listIssueFiles(root: string): Promise<string[]> {
  // Whatever the walk refused (a misnamed Markdown file, a link outside the site, a broken link) is listed for the
  // up-to-date check too: a new one changes the key, so the build runs and reports it instead of "up to date".
  const tree = scanIssueTree(root);
  const refused = [...new Set(tree.problems.flatMap((problem) => problem.file ?? []))].sort();
  return refused.length === 0 ? tree.files : [...tree.files, ...refused];
}

/**
 * Reads every issue file: only regular files, only inside the site, each
 * at most `limits.issueBytes`. A FIFO, socket, device, broken or looping
 * link, unreadable or oversized file is not read; it becomes a problem
 * naming the file and why, reported with the other errors. `known`: files
 * the caller already read the same way (the up-to-date check), taken as it
 * gives them, still held to the size limit.
 */
export async function readSourceSet<S extends SourceFile = SourceFile>(root: string, limits: ContentLimits = DEFAULT_LIMITS, known?: (file: string) => KnownSource<S> | undefined): Promise<SourceSet<S>> {
  const tree = scanIssueTree(root);
  const sources: Array<SourceFile | S> = [];
  const problems = [...tree.problems];
  // Sequential sync reads: thousands of small files read faster this way than as parallel promises.
  for (const file of tree.files) {
    const before = known?.(file);
    if (before !== undefined) {
      if (before.size > limits.issueBytes) problems.push(tooLarge(file, before.size, limits.issueBytes));
      else sources.push(before.source);
      continue;
    }
    const read = readIssueFile(tree.realRoot, root, file, limits.issueBytes);
    if ("problem" in read) problems.push(read.problem);
    else sources.push({ file, bytes: read.bytes });
  }
  return { sources, problems };
}

/** readSourceSet for callers that need every file: a refused file is a ContentError. */
export async function readSources(root: string, limits: ContentLimits = DEFAULT_LIMITS): Promise<SourceFile[]> {
  const { sources, problems } = await readSourceSet(root, limits);
  if (problems.length > 0) throw new ContentError(problems);
  return sources;
}

export type ReadResult = { bytes: Buffer } | { problem: VFileMessage };

function readIssueFile(realRoot: string, root: string, file: string, maxBytes: number): ReadResult {
  const opened = openRegular(realRoot, join(root, file), file);
  if ("problem" in opened) return opened;
  try {
    if (opened.stats.size > maxBytes) return { problem: tooLarge(file, opened.stats.size, maxBytes) };
    const bytes = readUpTo(opened.fd, Buffer.allocUnsafe(Math.min(opened.stats.size, maxBytes) + 1), maxBytes);
    // A file that grew past the limit since fstat is refused the same way.
    if (bytes.length > maxBytes) return { problem: tooLarge(file, bytes.length, maxBytes) };
    return { bytes: Buffer.from(bytes) };
  } catch (error) {
    return { problem: unreadable(file, error) };
  } finally {
    closeSync(opened.fd);
  }
}

type Opened = { fd: number; stats: Stats } | { problem: VFileMessage };

// O_NONBLOCK: opening a FIFO must not wait for a writer. O_NOFOLLOW: a link is opened only after its target was checked.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Opens `path` for reading if it is a regular file inside the site. The
 * check is made on the open descriptor (fstat), so a file swapped for a
 * FIFO after listing is still refused, and nothing blocks.
 */
function openRegular(realRoot: string, path: string, file: string): Opened {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS | NO_FOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ELOOP" && code !== "EMLINK") return { problem: describeFailedOpen(path, file, error) };
    // The last part of the path is a symbolic link: open its target if that is inside the site.
    const link = resolveLink(path, file);
    if ("problem" in link) return link;
    if (!insideSite(realRoot, link.real)) return { problem: outside(file, link.real, "file") };
    try {
      fd = openSync(link.real, OPEN_FLAGS | NO_FOLLOW);
    } catch (inner) {
      return { problem: describeFailedOpen(link.real, file, inner) };
    }
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    return { problem: notAFile(file, stats) };
  }
  return { fd, stats };
}

/** A socket cannot even be opened (ENXIO): say what the entry is when that is the reason. */
function describeFailedOpen(path: string, file: string, error: unknown): VFileMessage {
  try {
    const stats = lstatSync(path);
    if (!stats.isFile() && !stats.isSymbolicLink()) return notAFile(file, stats);
  } catch {
    // Fall through to the open error itself.
  }
  return unreadable(file, error);
}

/** Reads until EOF or until `buffer` is full; `max + 1` bytes in the buffer mean "more than max". */
function readUpTo(fd: number, buffer: Buffer, max: number): Buffer {
  let read = 0;
  for (;;) {
    if (read === buffer.length) {
      if (read > max) break;
      buffer = Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(buffer.length, max + 1 - read))]);
    }
    const n = readSync(fd, buffer, read, buffer.length - read, read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

/** The warm-build check never reads more than this of one file; anything larger fails the real build anyway. */
const STREAM_MAX = 64 * 1024 * 1024;

/**
 * One source read the way readSourceSet reads it (a regular file inside the
 * site, never blocking): its bytes, or why not. For reads outside a build,
 * such as the dev server's quick path; the size limit is the render's job.
 */
export function readSourceFile(root: string, file: string, maxBytes = STREAM_MAX): ReadResult {
  return readIssueFile(realSiteRoot(root), root, file, maxBytes);
}

/**
 * The sources one at a time through one reused buffer: each `bytes` is valid
 * only until the next is asked for. For hashing every source without keeping
 * 4,000 buffers (and collecting them afterwards), as the warm build does.
 * A file that would be refused when read for real (not a regular file,
 * outside the site, too large) yields no bytes: a successful build never
 * had an empty source, so the hash can never match and the full build runs
 * and reports the file.
 */
export function* streamSources(root: string, files: readonly string[]): Generator<SourceFile> {
  let buffer = Buffer.allocUnsafe(64 * 1024);
  const realRoot = realSiteRoot(root);
  for (const file of files) {
    const opened = openRegular(realRoot, join(root, file), file);
    if ("problem" in opened) {
      yield { file, bytes: new Uint8Array(0) };
      continue;
    }
    try {
      const size = opened.stats.size;
      if (size + 1 > buffer.length) buffer = Buffer.allocUnsafe(Math.min(Math.max(size + 1, buffer.length * 2), STREAM_MAX + 1));
      // Read to the end, not to the size seen: a file growing meanwhile is read whole, as readFileSync would.
      let read = 0;
      while (read <= STREAM_MAX) {
        if (read === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
        const n = readSync(opened.fd, buffer, read, buffer.length - read, read);
        if (n === 0) break;
        read += n;
      }
      yield { file, bytes: read > STREAM_MAX ? new Uint8Array(0) : buffer.subarray(0, read) };
    } finally {
      closeSync(opened.fd);
    }
  }
}
