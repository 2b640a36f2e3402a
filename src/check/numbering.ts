import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import type { RenderedIssue } from "../content/render-issue.js";

/** Gaps in the issue numbers (drafts count): a warning, since a skipped number may be deliberate. */
export function numberingGaps(rendered: readonly RenderedIssue[]): VFileMessage[] {
  const sorted = [...rendered].sort((a, b) => a.issue.number - b.issue.number);
  const messages: VFileMessage[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    const after = sorted[i];
    if (!before || !after || after.issue.number <= before.issue.number + 1) continue;
    const missing = after.issue.number - before.issue.number === 2 ? `issue ${before.issue.number + 1} is` : `issues ${before.issue.number + 1}–${after.issue.number - 1} are`;
    messages.push(warning(after.issue.file, `issue numbers jump from ${before.issue.number} (${before.issue.file}) to ${after.issue.number}: ${missing} missing`, { line: after.issue.numberLine, column: 1 }, "issue-number-gap"));
  }
  return messages;
}
