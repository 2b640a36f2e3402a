import { ContentError, PlainError } from "../diagnostics.js";
import { formatBytes, READER_LIST_BYTES } from "../limits.js";
import { readRegularFile } from "../regular-file.js";
import { decodeUtf8 } from "../text-encoding.js";
import { machineWords } from "../write/fs-errors.js";

/**
 * The text of the --to-file list `file` (as the author gave it), named
 * `name` at a place in it (the way messages name a site's files). Read only when it is a regular file no larger than
 * READER_LIST_BYTES: `--to-file /dev/stdin` left waiting, or a named pipe
 * no one writes to, would hang the send before it began, and a link to
 * /dev/zero would never end. UTF-8 only, with or without a BOM (what
 * Excel and Windows editors save): a list in Shift_JIS would send to
 * mangled names, so it is named at its first such byte.
 */
export function readReaderFile(file: string, name: string): string {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, READER_LIST_BYTES);
  } catch (error) {
    throw new PlainError(`cannot read --to-file ${JSON.stringify(file)}: ${unreadable(error as NodeJS.ErrnoException)}`);
  }
  const decoded = decodeUtf8(name, bytes);
  if (!decoded.ok) throw new ContentError([decoded.message]);
  return decoded.text;
}

/** Why the list could not be read, with what to do. */
function unreadable(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ENOENT":
      return "there is no such file; check the name, and give it from the folder you run gekkan in";
    case "EISDIR":
      return "it is a folder; give the file in it that lists the readers, one a line";
    case "ENOTREG":
      return "it is not a regular file (a named pipe, a socket or a device); save the list to a file and give that";
    case "EFBIG":
      return `it is over ${formatBytes(READER_LIST_BYTES)}, far more than a list of readers, one a line; check that it is the list you meant`;
    default:
      return machineWords(error) ?? error.code ?? error.message;
  }
}
