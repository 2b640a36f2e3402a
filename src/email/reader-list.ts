import type { VFileMessage } from "vfile-message";
import { diagnostic, type Place } from "../diagnostics.js";
import { mailboxHint, parseMailbox } from "../mail-address.js";

/** One reader of a --to-file list, as written on its line. */
export interface ListedReader {
  /** The mailbox as written: `reader@example.org` or `読者 <reader@example.org>`. */
  text: string;
  place: Place;
}

export interface ReaderList {
  readers: ListedReader[];
  /** A line that is no address, each at its place: all of them, so one run shows every line to correct. */
  problems: VFileMessage[];
}

const NOT_ONE = "write one reader a line, as reader@example.org or 読者 <reader@example.org>";

/**
 * The readers of a list file, one a line, as a mailing list's export gives
 * them: `Name <addr>` or a bare address. Blank lines and lines starting
 * with # are passed over, so a list can say where it came from; CRLF (a
 * list saved on Windows) and a lone CR end a line as LF does. `file` is
 * the name messages give it.
 */
export function readerList(file: string, text: string): ReaderList {
  const readers: ListedReader[] = [];
  const problems: VFileMessage[] = [];
  for (const [index, line] of text.split(/\r\n|\r|\n/).entries()) {
    const written = line.trim();
    if (written === "" || written.startsWith("#")) continue;
    const place = { line: index + 1, column: line.length - line.trimStart().length + 1 };
    if (parseMailbox(written) !== undefined) readers.push({ text: written, place });
    else problems.push(diagnostic(file, `${JSON.stringify(written)} is not an email address${mailboxHint(written, "write one reader a line") || `: ${NOT_ONE}`}`, place, "reader-address"));
  }
  if (readers.length === 0 && problems.length === 0) problems.push(diagnostic(file, `holds no address, only blank lines and # comments: ${NOT_ONE}, or give the list you meant`, { line: 1, column: 1 }, "reader-address"));
  return { readers, problems };
}
