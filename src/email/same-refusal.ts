import { senderNamed, type EnvelopeSender } from "./envelope-sender.js";
import { stoppedLists, type OutcomeFiles, type SendOutcome } from "./send-outcome.js";

/**
 * How many readers in a row refused with one and the same reply stop a
 * send. A stale address gets its own refusal ("User unknown", often with
 * the address in it); the same words for reader after reader ("550 5.7.1
 * Relaying denied") are about the sender or the login, and would be said
 * to every reader of the list, so the send is not dragged through them all.
 * Three: two stale addresses side by side happen in a real list.
 */
export const SAME_REFUSALS_TO_STOP = 3;

/**
 * The readers refused last, in a row, with the same reply as the last one:
 * how many. Only the refusals at the end of `outcome.refused` that the send
 * met one after another count: `sinceSent` is how many refusals there were
 * since the last reader sent.
 */
export function sameRefusalRun(outcome: SendOutcome, sinceSent: number): number {
  const recent = outcome.refused.slice(outcome.refused.length - sinceSent);
  const last = recent.at(-1);
  if (last === undefined) return 0;
  let run = 0;
  for (let i = recent.length - 1; i >= 0 && recent[i]?.reply === last.reply; i--) run++;
  return run;
}

/** Why a send stopped after SAME_REFUSALS_TO_STOP alike refusals, with the lists of who got it and who did not. */
export function sameRefusalStop(label: string, sender: EnvelopeSender, outcome: SendOutcome, files?: OutcomeFiles): string {
  const reply = outcome.refused.at(-1)?.reply ?? "";
  return `could not send through ${label}: the server refused ${SAME_REFUSALS_TO_STOP} readers in a row with the same reply (${reply}), so it would refuse the rest too: that looks like the server refusing ${senderNamed(sender)} or the login in GEKKAN_SMTP_URL rather than the readers' addresses; check that this server takes mail from ${sender.address} with that login, and send again${stoppedLists(outcome, files)}`;
}
