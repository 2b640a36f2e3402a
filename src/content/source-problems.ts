import type { Stats } from "node:fs";
import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import { formatBytes, limitSetting } from "../limits.js";

/** A problem with a whole file or folder (it was not read): reported at its first line. */
export function fileProblem(file: string, reason: string, ruleId: string): VFileMessage {
  return diagnostic(file, reason, { line: 1, column: 1 }, ruleId);
}

export function tooLarge(file: string, size: number, max: number): VFileMessage {
  return fileProblem(file, `this issue is ${formatBytes(size)}; the limit is ${formatBytes(max)} (${limitSetting("issueBytes")}); split it into several issues`, "issue-too-large");
}

/** What a non-regular file is, in words. */
export function kindOf(stats: Pick<Stats, "isFIFO" | "isSocket" | "isCharacterDevice" | "isBlockDevice" | "isDirectory">): string {
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isDirectory()) return "a folder";
  return "a special file";
}

export function notAFile(file: string, stats: Parameters<typeof kindOf>[0]): VFileMessage {
  return fileProblem(file, `this is ${kindOf(stats)}, not a regular file, so gekkan did not read it; put the issue's Markdown in a regular file, or move this out of content/issues/`, "source-not-a-file");
}

/** A read or open that failed, in the author's words rather than errno's; `home` is the folder the file was read from. */
export function unreadable(file: string, error: unknown, what: "file" | "folder" = "file", home = "content/issues/"): VFileMessage {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const reasons: Record<string, string> = {
    EACCES: `cannot read this ${what}: permission denied; give yourself read access (chmod u+r) or move it out of ${home}`,
    EPERM: `cannot read this ${what}: the operating system does not allow it`,
    ENOENT: `this ${what} disappeared while the site was being read; run the command again`,
    ENXIO: `this is a socket or device, not a regular file, so gekkan did not read it; move it out of ${home}`,
    ELOOP: "this is a symbolic link that leads back to itself (a loop); remove the link or point it at the issue file",
    ENAMETOOLONG: "this path is longer than the file system allows; use a shorter file or folder name",
    ENOTDIR: "a part of this path is not a folder",
    EIO: `the disk reported an error reading this ${what} (EIO)`,
    // Node reads no file over 2 GiB into memory, where public/'s files are held until the site is written.
    ERR_FS_FILE_TOO_LARGE: `this ${what} is over 2 GB, more than gekkan can hold to publish it; put it on a download host and link to it, or move it out of ${home}`,
  };
  const reason = reasons[code] ?? `cannot read this ${what} (${code || "error"}: ${(error as Error).message ?? String(error)})`;
  return fileProblem(file, reason, "source-unreadable");
}

export function outside(path: string, real: string, what: "file" | "folder"): VFileMessage {
  return fileProblem(path, `this is a symbolic link to ${JSON.stringify(real)}, outside the site; gekkan reads only ${what}s inside the site folder, so copy or move the ${what} into the site instead`, "source-outside");
}
