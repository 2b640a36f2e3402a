import type { VFileMessage } from "vfile-message";
import { resolve } from "node:path";
import { ContentError, siteFile, UsageError, warning } from "../diagnostics.js";
import { mailboxHint, parseMailbox } from "../mail-address.js";
import { readerList } from "./reader-list.js";
import { readReaderFile } from "./reader-file.js";

export interface Recipients {
  /** Each reader once, as written: the --to flags first, then each file's lines in order. */
  to: string[];
  /** A reader a list names again, at that line: sent once all the same. */
  warnings: VFileMessage[];
}

/**
 * The readers of `gekkan email`: each --to, then each --to-file list's
 * lines. A --to that is no address, or one given twice, is a usage error,
 * as before there were lists. Every line of every list that is no address
 * is an error at its place, all of them at once, before anything is sent.
 * An address a list gives again (a list exported twice into one, a reader
 * in two lists, or given with --to too) is sent once and warned about:
 * each reader is sent a copy of their own, so one listed twice got two.
 */
export function recipients(flags: readonly string[], files: readonly string[], root: string): Recipients {
  for (const address of flags) if (parseMailbox(address) === undefined) throw new UsageError(`--to ${JSON.stringify(address)} is not an email address${mailboxHint(address, "give one per --to, and repeat --to for each")}`);
  // Each address given so far, by key, as a message names where it was given. Flags typed by hand: one given twice is a usage error, not a reader dropped.
  const seen = new Map<string, string>();
  for (const text of flags) {
    const first = seen.get(addressKey(text));
    if (first !== undefined) throw new UsageError(`--to ${JSON.stringify(text)} is the same address as ${first}: give each reader once, or they get the message twice`);
    seen.set(addressKey(text), `--to ${JSON.stringify(text)}`);
  }
  const to = [...flags];
  // Named as the site's own files are (from the root, or whole when outside it), so the command names them from where the author is.
  const names = files.map((file) => siteFile(root, resolve(file)));
  const lists = files.map((file, index) => readerList(names[index] ?? file, readReaderFile(file, names[index] ?? file)));
  const problems = lists.flatMap((list) => list.problems);
  if (problems.length > 0) throw new ContentError(problems);
  const warnings: VFileMessage[] = [];
  for (const [index, list] of lists.entries()) {
    const file = names[index] ?? "";
    for (const reader of list.readers) {
      const first = seen.get(addressKey(reader.text));
      if (first !== undefined) {
        warnings.push(warning(file, `${JSON.stringify(reader.text)} is the same address as ${first}, so it is sent once; remove this line`, reader.place, "reader-repeated"));
        continue;
      }
      seen.set(addressKey(reader.text), `line ${reader.place.line}${files.length > 1 || flags.length > 0 ? ` of ${file}` : ""} (${JSON.stringify(reader.text)})`);
      to.push(reader.text);
    }
  }
  return { to, warnings };
}

/**
 * THE rule for two readers being one, in --to and in lists alike: the
 * address without case. RFC 5321 lets the part before the @ tell case
 * apart, but mail servers do not, so A@example.org and a@example.org
 * reach one inbox, which two copies would both reach.
 */
export function addressKey(text: string): string {
  return (parseMailbox(text)?.address ?? text).toLowerCase();
}
