import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import { numbersAgainstDates } from "../number-order.js";
import type { Edition } from "./model.js";

/**
 * Issue numbers that do not follow the dates (issue 2 dated before issue 1):
 * a typo in one of the two, which lists, feeds and the previous/next links
 * (all ordered by number) would show as dates out of order. A warning, since
 * filling a gap on purpose does it too. Each issue against its previous one
 * by number (collect.ts links them): one wrong date is then one warning, not
 * one per issue it passes. The site's own edition: its originals (a
 * translation may be dated later). Oldest first.
 */
export function numberOrderWarnings(edition: Pick<Edition, "issues">): VFileMessage[] {
  return [...edition.issues].reverse().flatMap(({ issue: higher, previous }) => {
    const lower = previous?.issue;
    if (lower === undefined || !numbersAgainstDates(lower, higher)) return [];
    const reason = `issue ${higher.number} is dated ${higher.date}, before issue ${lower.number} (${lower.file}, dated ${lower.date}), so the issue numbers do not follow the dates; correct the date or the number in ${higher.file} or in ${lower.file}`;
    return [warning(higher.file, reason, { line: higher.dateLine, column: 1 }, "issue-number-order")];
  });
}
