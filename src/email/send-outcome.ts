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

/** The refused readers in the server's words: "b@example.org (550 5.1.1 User unknown)". */
export function refusedWords(refused: readonly Refusal[]): string {
  return refused.map((refusal) => `${refusal.to.join(", ")} (${refusal.reply})`).join(", ");
}

/** How to send the readers left over again, when nothing better is at hand (see sendAll's `unsentFile`). */
export const AGAIN_BY_HAND = "run again with a --to for each";

/**
 * After a send that stopped, who got the message, who was refused, who
 * may have it and who did not, so the rest can be sent without sending
 * anyone a second copy. `again` says how to send only those.
 */
export function stoppedLists(outcome: SendOutcome, again = AGAIN_BY_HAND): string {
  const parts: string[] = [];
  if (outcome.sent.length > 0) parts.push(`already sent to ${outcome.sent.join(", ")}`);
  if (outcome.refused.length > 0) parts.push(`refused by the server: ${refusedWords(outcome.refused)}`);
  // Named apart from the rest: sent again with them, these readers could get the issue twice.
  if (outcome.doubtful.length > 0) parts.push(`may have arrived at ${outcome.doubtful.join(", ")}`);
  const rest = outcome.unsent;
  if (parts.length === 0) {
    // Stopped at the first of several: said too, or the author cannot tell that none of the others got it.
    return rest.length > 1 ? ` (sent to nobody: not sent to ${rest.join(", ")})` : "";
  }
  if (rest.length > 0) parts.push(`not sent to ${rest.join(", ")}: to send only those, ${again}`);
  return ` (${parts.join("; ")})`;
}

/**
 * A send that went through to the end with some readers refused: those,
 * in the server's words, and who got it. Everyone else was sent, so
 * nothing is left to re-run but the refused addresses, corrected.
 */
export function refusedAtEnd(label: string, outcome: SendOutcome): string {
  const count = refusedCount(outcome);
  const got = outcome.sent.length > 0 ? `sent to ${outcome.sent.join(", ")}` : "sent to nobody";
  return `could not send through ${label} to ${count === 1 ? "1 reader" : `${count} readers`}: the server refused ${refusedWords(outcome.refused)}; check ${count === 1 ? "the address" : "each address"}, or leave it out (${got})`;
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
