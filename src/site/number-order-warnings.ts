import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import { numbersAgainstDates } from "../number-order.js";
import type { SiteIssue } from "./model.js";

/**
 * Issue numbers that do not follow the dates (issue 2 dated before issue 1):
 * a typo in one of the two, which lists and feeds (ordered by date) and the
 * previous/next links (ordered by number) would show in two orders. A
 * warning, since filling a gap on purpose does it too. Neighbours by number
 * only: one wrong date is then one warning, not one per issue it passes.
 * `issues` are the originals (a translation may be dated later).
 */
export function numberOrderWarnings(issues: readonly SiteIssue[]): VFileMessage[] {
  const byNumber = issues.map((entry) => entry.issue).sort((a, b) => a.number - b.number);
  return byNumber.flatMap((higher, i) => {
    const lower = byNumber[i - 1];
    if (lower === undefined || !numbersAgainstDates(lower, higher)) return [];
    const reason = `issue ${higher.number} is dated ${higher.date}, before issue ${lower.number} (${lower.file}, dated ${lower.date}), so the issue numbers do not follow the dates; correct the date or the number in ${higher.file} or in ${lower.file}`;
    return [warning(higher.file, reason, { line: higher.dateLine, column: 1 }, "issue-number-order")];
  });
}
