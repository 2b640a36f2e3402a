import { isAbsolute, relative, resolve } from "node:path";
import { writeFileAtomic } from "../write/atomic-file.js";
import { machineWords } from "../write/fs-errors.js";
import { parseMailbox } from "../mail-address.js";
import { addressKey } from "./recipients.js";

/**
 * How many readers left unsent are still named for a --to each: past
 * that, typing them again is where a reader is missed or sent twice, so
 * they are written to a list to pass back with --to-file.
 */
export const UNSENT_BY_HAND = 5;

export interface UnsentListPlace {
  /** The site root: the list goes in its .gekkan/ folder, with gekkan's other files of its own. */
  root: string;
  /** The file's name there: one per issue and language, so a re-run for another issue keeps this one. */
  name: string;
  /** The issue, as the list's heading names it: "issue 4 (2011-07)". */
  issue: string;
  /** The readers as given (--to, the lines of --to-file): the list keeps their names for the To line. */
  readers: readonly string[];
}

/**
 * For sendAll's `again`: the readers a stopped send did not reach, written
 * one a line (as --to-file reads them) to ROOT/.gekkan/<name>, and the
 * words that say to run again with that file alone. Undefined for a few,
 * whom the message names for a --to each.
 */
export function unsentAgain(place: UnsentListPlace): (unsent: readonly string[]) => Promise<string | undefined> {
  return async (unsent) => {
    if (unsent.length <= UNSENT_BY_HAND) return undefined;
    const path = resolve(place.root, ".gekkan", place.name);
    const byAddress = new Map(place.readers.map((text) => [addressKey(text), text] as const));
    // A name with a line break in it (possible in a --to) would split its line in two: the bare address keeps the list readable.
    const lines = unsent.map((address) => byAddress.get(addressKey(address)) ?? address).map((text) => (/[\r\n]/.test(text) ? (parseMailbox(text)?.address ?? text) : text));
    const heading = [`# The readers gekkan email did not send ${place.issue} to: the send stopped before them.`, "# Pass this file back with --to-file, in place of the --to and --to-file given then."];
    try {
      await writeFileAtomic(path, `${[...heading, ...lines].join("\n")}\n`);
    } catch (error) {
      const words = machineWords(error);
      if (words === undefined) throw error;
      return `run again with a --to for each (a list of them could not be written to ${JSON.stringify(path)}: ${words})`;
    }
    return `run again with only --to-file ${shellWord(shown(path))}, which lists them, in place of this run's --to and --to-file`;
  };
}

/** The list's path as the author would type it: from the folder gekkan was run in when it lies inside, else whole. */
function shown(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside === "" || inside.startsWith("..") || isAbsolute(inside) ? path : inside;
}

/** A path as one shell word: quoted when it holds a space, Japanese or a shell's special character, so it can be pasted as it is. */
function shellWord(path: string): string {
  return /^[\w./+-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
