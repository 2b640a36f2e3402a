import { basename } from "node:path";
import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import type { SiteIssue } from "./model.js";

/** A file named for a month, as `gekkan new` names them (2011-05.md, 2011-05_special.md with --slug) or an author may (2011-05-special.md); not a translation's 2011-05.en.md: see below. */
const MONTH_NAME = /^(\d{4})-(\d{2})(?:[-_.][^.]*)?\.md$/;

/**
 * An original whose file is named for another month than its date gives:
 * last month's file copied for this one (`cp 2011-04.md 2011-05.md`) with
 * its `date:` left as it was, which publishes the new issue as April's, at
 * April's address and under April's label, or a typo in one of the two. A
 * warning, at the date: a file name is the author's to choose. A
 * translation is left alone, as it is named for its original and dated by
 * its own publication.
 */
export function fileMonthWarnings(entries: readonly SiteIssue[]): VFileMessage[] {
  return entries.flatMap((entry) => {
    if (entry.versions[0] !== entry) return [];
    const { file, date, dateLine, slugGiven } = entry.issue;
    const month = otherNamedMonth(entry.issue);
    if (month === undefined) return [];
    const made = slugGiven ? "its month label comes" : "its address and month label come";
    const reason = `this file is named for ${month}, but its date is ${date}, so it is published as an issue of ${date.slice(0, 7)} (${made} from the date); if it is the ${month} issue, correct the date (date: ${month}-01), else rename the file`;
    return [warning(file, reason, { line: dateLine, column: 1 }, "file-name-date")];
  });
}

/** The month an issue's file is named for (2011-05.md: "2011-05") when its date is in another; undefined when they agree or the name gives no month. */
export function otherNamedMonth(issue: { file: string; date: string }): string | undefined {
  const named = MONTH_NAME.exec(basename(issue.file));
  if (named === null) return undefined;
  const month = `${named[1]}-${named[2]}`;
  return issue.date.startsWith(`${month}-`) ? undefined : month;
}
