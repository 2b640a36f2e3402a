import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import { unpublishedNote } from "../site/published.js";
import type { Known } from "../site/collect-problems.js";

/** An issue whose number counts: a rendered one, or one whose front matter was read though its text failed. */
type Numbered = Known;

/**
 * Gaps in the issue numbers: a warning, since a skipped number may be
 * deliberate. Two kinds: a number no file has at all (drafts count), and a
 * number only a draft or a scheduled issue has, so that the published
 * issues jump over it until that one is out (1, 2, 4 with 3 a draft).
 */
export function numberingGaps(rendered: readonly Numbered[], today: string): VFileMessage[] {
  const all = [...rendered].sort((a, b) => a.issue.number - b.issue.number);
  const messages = missingNumbers(all);
  const byNumber = new Map(all.map((r) => [r.issue.number, r]));
  const published = all.filter((r) => unpublishedNote(r.issue, today) === undefined);
  for (let i = 1; i < published.length; i++) {
    const before = published[i - 1] as Numbered;
    const after = published[i] as Numbered;
    const held: string[] = [];
    for (let n = before.issue.number + 1; n < after.issue.number; n++) {
      const holder = byNumber.get(n);
      if (holder !== undefined) held.push(`issue ${n} is ${unpublishedNote(holder.issue, today) ?? "unpublished"} (${holder.issue.file})`);
    }
    if (held.length === 0) continue;
    const reason = `published issue numbers jump from ${before.issue.number} (${before.issue.file}) to ${after.issue.number}: ${held.join(", ")}, so readers see a gap until ${held.length === 1 ? "it is" : "they are"} published`;
    messages.push(warning(after.issue.file, reason, { line: after.issue.numberLine, column: 1 }, "issue-number-gap"));
  }
  return messages;
}

/** Numbers between two issues that no file has, drafts included. */
function missingNumbers(sorted: readonly Numbered[]): VFileMessage[] {
  const messages: VFileMessage[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1] as Numbered;
    const after = sorted[i] as Numbered;
    if (after.issue.number <= before.issue.number + 1) continue;
    const missing = after.issue.number - before.issue.number === 2 ? `issue ${before.issue.number + 1} is` : `issues ${before.issue.number + 1}–${after.issue.number - 1} are`;
    messages.push(warning(after.issue.file, `issue numbers jump from ${before.issue.number} (${before.issue.file}) to ${after.issue.number}: ${missing} missing`, { line: after.issue.numberLine, column: 1 }, "issue-number-gap"));
  }
  return messages;
}
