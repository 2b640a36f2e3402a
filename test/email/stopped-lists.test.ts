/**
 * The closing words of a stopped send for the cases a real server cannot
 * stage: more than 5 readers in doubt (a send has one message in flight,
 * so one reader at most in practice), and a list that could not be
 * written, where the readers are named after all with why there is no
 * file. The outcomes and the words expected are written by hand.
 */
import { describe, expect, it } from "vitest";
import { stoppedLists, type SendOutcome } from "../../src/email/send-outcome.js";

const six = (letter: string) => Array.from({ length: 6 }, (_, i) => `${letter}${i}@example.org`);

describe("stoppedLists", () => {
  it("counts more than 5 readers in doubt and names their file, as it does the refused and those not sent to", () => {
    const outcome: SendOutcome = { sent: ["a@example.org"], refused: [], doubtful: six("d"), unsent: six("u") };
    const words = stoppedLists(outcome, { doubtful: { file: ".gekkan/in-doubt-2011-04.txt" }, unsent: { file: ".gekkan/unsent-2011-04.txt" } });
    expect(words).toBe(
      " (already sent to a@example.org; may have arrived at 6 readers, listed in .gekkan/in-doubt-2011-04.txt; not sent to 6 readers: to send only those, run again with only --to-file .gekkan/unsent-2011-04.txt, which lists them, in place of this run's --to and --to-file)",
    );
  });

  it("names each reader of a group whose list could not be written, and says why there is none", () => {
    const failure = 'a list of them could not be written to "/site/.gekkan/x.txt": the disk is full (ENOSPC)';
    const outcome: SendOutcome = { sent: six("s"), refused: six("r").map((to) => ({ to: [to], reply: "550 5.1.1 User unknown" })), doubtful: [], unsent: six("u") };
    const words = stoppedLists(outcome, { refused: { failure }, unsent: { failure } });
    const refused = six("r").map((to) => `${to} (550 5.1.1 User unknown)`).join(", ");
    expect(words).toBe(` (already sent to 6 readers; refused by the server: ${refused} (${failure}); not sent to ${six("u").join(", ")}: to send only those, run again with a --to for each (${failure}))`);
  });

  it("counts more than 5 readers of a send that reached nobody, which is run again as it was", () => {
    expect(stoppedLists({ sent: [], refused: [], doubtful: [], unsent: six("u") })).toBe(" (sent to nobody: not sent to any of the 6 readers)");
  });
});
