import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { siteFile } from "../diagnostics.js";
import { writeFileAtomic } from "../write/atomic-file.js";
import { machineWords } from "../write/fs-errors.js";
import { parseMailbox } from "../mail-address.js";
import { addressKey } from "./recipients.js";
import { NAMED_AT_MOST, type ListFile, type OutcomeFiles, type SendOutcome } from "./send-outcome.js";

export interface OutcomeFilesPlace {
  /** The site root: the lists go in its .gekkan/ folder, with gekkan's other files of its own. */
  root: string;
  /** What names the issue in the files' names ("2011-07", "2011-07.en"): one set per issue and language, so a re-run for another issue keeps these. */
  name: string;
  /** The issue, as the lists' headings name it: "issue 4 (2011-07)". */
  issue: string;
  /** The readers as given (--to, the lines of --to-file): the unsent list keeps their names for the To line. */
  readers: readonly string[];
}

/**
 * For sendAll's `files`: each group of readers too many for a message to
 * name (NAMED_AT_MOST) written to ROOT/.gekkan/, one a line. The readers not
 * sent to go to unsent-<name>.txt as --to-file reads them, only once the
 * send reached someone (else it is run again as it was); those refused for
 * good to refused-<name>.txt with the server's reply, as they are the ones
 * to correct; those it may have reached to in-doubt-<name>.txt.
 */
export function outcomeFiles(place: OutcomeFilesPlace): (outcome: SendOutcome) => Promise<OutcomeFiles> {
  return async (outcome) => {
    const files: OutcomeFiles = {};
    const reached = outcome.sent.length + outcome.refused.length + outcome.doubtful.length > 0;
    if (reached && outcome.unsent.length > NAMED_AT_MOST) files.unsent = await unsentFile(place, outcome.unsent);
    const refused = outcome.refused.flatMap((refusal) => refusal.to.map((to) => `${to}  ${oneLine(refusal.reply)}`));
    if (refused.length > NAMED_AT_MOST) {
      const heading = [`# The readers the server refused for good when gekkan email sent ${place.issue}, each with the server's reply.`, "# Check each address, or leave it out of the list: they were not sent the issue."];
      files.refused = await listFile(place, `refused-${place.name}.txt`, [...heading, ...refused]);
    }
    if (outcome.doubtful.length > NAMED_AT_MOST) {
      const heading = [`# The readers gekkan email may have sent ${place.issue} to: the server went quiet or hung up after the whole message went out.`, "# Ask them, or look in the server's log, before sending it to them again."];
      files.doubtful = await listFile(place, `in-doubt-${place.name}.txt`, [...heading, ...outcome.doubtful]);
    }
    return files;
  };
}

/** The readers not sent to, as given, so the list passed back with --to-file keeps their names. */
function unsentFile(place: OutcomeFilesPlace, unsent: readonly string[]): Promise<ListFile> {
  const byAddress = new Map(place.readers.map((text) => [addressKey(text), text] as const));
  // A name with a line break in it (possible in a --to) would split its line in two: the bare address keeps the list readable.
  const lines = unsent.map((address) => byAddress.get(addressKey(address)) ?? address).map((text) => (/[\r\n]/.test(text) ? (parseMailbox(text)?.address ?? text) : text));
  const heading = [`# The readers gekkan email did not send ${place.issue} to: the send stopped before them.`, "# Pass this file back with --to-file, in place of the --to and --to-file given then."];
  return listFile(place, `unsent-${place.name}.txt`, [...heading, ...lines]);
}

/**
 * Writes `lines` to ROOT/.gekkan/<name>, replacing the list of an earlier
 * send; a machine's refusal is said, not thrown, as the message can still
 * name the readers. The earlier list is left whole then, and said to be
 * that: passed back with --to-file, it would send to the wrong readers.
 */
async function listFile(place: OutcomeFilesPlace, name: string, lines: readonly string[]): Promise<ListFile> {
  const path = resolve(place.root, ".gekkan", name);
  try {
    await writeFileAtomic(path, `${lines.join("\n")}\n`);
  } catch (error) {
    const words = machineWords(error);
    if (words === undefined) throw error;
    const earlier = existsSync(path) ? "; the list there is from an earlier send, not this one" : "";
    return { failure: `a list of them could not be written to ${JSON.stringify(path)}: ${words}${earlier}` };
  }
  // As the author would type it: from the folder gekkan was run in when it lies inside, else whole.
  return { file: shellWord(siteFile(process.cwd(), path)) };
}

/** A server's reply on one line: a multi-line reply would split its reader's line in two. */
function oneLine(reply: string): string {
  return reply.replace(/\s*[\r\n]+\s*/g, " ");
}

/** A path as one shell word: quoted when it holds a space, Japanese or a shell's special character, so it can be pasted as it is. */
function shellWord(path: string): string {
  return /^[\w./+-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
