/** One reader the server refused for good (5xx at RCPT TO), with its words. */
export interface Refusal {
  to: readonly string[];
  /** The server's reply, password hidden ("550 5.1.1 User unknown"). */
  reply: string;
}

/** Where every reader stands once a send has ended, early or not. */
export interface SendOutcome {
  sent: string[];
  refused: Refusal[];
  /** Readers whose whole message went out before the server went quiet or hung up: it may have arrived. */
  doubtful: string[];
  /** Readers no byte of a message went to: a re-run with --to for each sends them none twice. */
  unsent: string[];
}

/**
 * How many readers of one group (sent, refused, not sent, …) a message
 * names one by one. Past that, hundreds of addresses on one line are read
 * by no one, and typing them again is where a reader is missed or sent
 * twice: the group is counted, and the readers an author must act on are
 * written to a file (outcome-files.ts) that the message names.
 */
export const NAMED_AT_MOST = 5;

/** A group of readers written to a file for the message to name: the path as the author types it, or why it could not be written. */
export type ListFile = { file: string } | { failure: string };

/** The files written for the groups of a send too many to name; a group without one is named reader by reader. */
export interface OutcomeFiles {
  unsent?: ListFile;
  refused?: ListFile;
  doubtful?: ListFile;
}

/** The readers of a group as a message says them: each by address for a few, their count past NAMED_AT_MOST. */
export function readersWords(readers: readonly string[]): string {
  return readers.length > NAMED_AT_MOST ? `${readers.length} readers` : readers.join(", ");
}

/** The refused readers in the server's words: "b@example.org (550 5.1.1 User unknown)". */
export function refusedWords(refused: readonly Refusal[]): string {
  return refused.map((refusal) => `${refusal.to.join(", ")} (${refusal.reply})`).join(", ");
}

/** How to send the readers left over again, when nothing better is at hand. */
export const AGAIN_BY_HAND = "run again with a --to for each";

/**
 * After a send that stopped, who got the message, who was refused, who
 * may have it and who did not, so the rest can be sent without sending
 * anyone a second copy. `files` are the lists written for groups too many
 * to name (and how to send only the rest with theirs).
 */
export function stoppedLists(outcome: SendOutcome, files: OutcomeFiles = {}): string {
  const parts: string[] = [];
  if (outcome.sent.length > 0) parts.push(`already sent to ${readersWords(outcome.sent)}`);
  if (outcome.refused.length > 0) parts.push(`refused by the server: ${refusedList(outcome, files.refused)}`);
  // Named apart from the rest: sent again with them, these readers could get the issue twice.
  if (outcome.doubtful.length > 0) parts.push(`may have arrived at ${inFile(outcome.doubtful, files.doubtful, "listed in")}`);
  const rest = outcome.unsent;
  if (parts.length === 0) {
    // Stopped at the first of several: said too, or the author cannot tell that none of the others got it.
    if (rest.length > NAMED_AT_MOST) return ` (sent to nobody: not sent to any of the ${rest.length} readers)`;
    return rest.length > 1 ? ` (sent to nobody: not sent to ${rest.join(", ")})` : "";
  }
  if (rest.length > 0) parts.push(`not sent to ${inFile(rest, files.unsent)}: to send only those, ${again(files.unsent)}`);
  return ` (${parts.join("; ")})`;
}

/** A group counted when a file lists them, `how` that file; named each, with why there is no list, when none could be written. */
function inFile(readers: readonly string[], listed: ListFile | undefined, how?: string): string {
  if (listed !== undefined && "file" in listed) return `${readers.length} readers${how === undefined ? "" : `, ${how} ${listed.file}`}`;
  return `${readers.join(", ")}${listed === undefined || how === undefined ? "" : ` (${listed.failure})`}`;
}

/** How to send the readers not sent to, and only them: with their list, when it was written. */
function again(listed: ListFile | undefined): string {
  if (listed === undefined) return AGAIN_BY_HAND;
  if ("file" in listed) return `run again with only --to-file ${listed.file}, which lists them, in place of this run's --to and --to-file`;
  return `${AGAIN_BY_HAND} (${listed.failure})`;
}

/** The refused readers, each with the server's words, or their count and the file that holds those. */
function refusedList(outcome: SendOutcome, listed: ListFile | undefined): string {
  if (listed !== undefined && "file" in listed) return `${refusedCount(outcome)} readers, listed with the server's words in ${listed.file}`;
  return `${refusedWords(outcome.refused)}${listed === undefined ? "" : ` (${listed.failure})`}`;
}

/**
 * A send that went through to the end with some readers refused: those,
 * in the server's words, and who got it. Everyone else was sent, so
 * nothing is left to re-run but the refused addresses, corrected.
 */
export function refusedAtEnd(label: string, outcome: SendOutcome, listed?: ListFile): string {
  const count = refusedCount(outcome);
  const got = outcome.sent.length > 0 ? `sent to ${readersWords(outcome.sent)}` : "sent to nobody";
  const which = listed !== undefined && "file" in listed ? `them, listed with its words in ${listed.file}` : refusedList(outcome, listed);
  return `could not send through ${label} to ${count === 1 ? "1 reader" : `${count} readers`}: the server refused ${which}; check ${count === 1 ? "the address" : "each address"}, or leave it out (${got})`;
}

/** How far a send to `total` readers has come, said while it goes on: "sent to 100 of 500 readers so far (1 refused)". */
export function progressWords(outcome: SendOutcome, total: number): string {
  const refused = refusedCount(outcome);
  return `sent to ${outcome.sent.length} of ${total} readers so far${refused > 0 ? ` (${refused} refused)` : ""}`;
}

/** How many readers the server refused for good. */
function refusedCount(outcome: SendOutcome): number {
  return outcome.refused.reduce((sum, refusal) => sum + refusal.to.length, 0);
}
