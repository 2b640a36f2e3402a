import type { IssueMeta } from "../content/render-issue.js";
import { isPublished } from "./published.js";
import { plural } from "../plural.js";

/** What a note says of an issue: enough for the build record to keep, so a skipped build can say it again with its own "today". */
export type NotedIssue = Pick<IssueMeta, "file" | "date" | "draft">;

/** The issues a build left out, by why: a draft (even a future-dated one) is a draft first. */
export interface LeftOut<T extends NotedIssue = IssueMeta> {
  drafts: T[];
  scheduled: T[];
}

/** Which of `issues` the publication rule (published.ts) leaves out of this build, in the order given. */
export function leftOut<T extends NotedIssue>(issues: readonly T[], today: string, include: { drafts?: boolean; future?: boolean }): LeftOut<T> {
  const out: LeftOut<T> = { drafts: [], scheduled: [] };
  for (const issue of issues) {
    if (isPublished(issue, today, include)) continue;
    (issue.draft && include.drafts !== true ? out.drafts : out.scheduled).push(issue);
  }
  return out;
}

/** How many files a note names before "and N more": enough to find this month's, short with a backlog of drafts. */
const NAMED = 3;

/**
 * Lines for the end of `gekkan build`: which issues it left out and how to
 * publish or preview them. A new author's first build publishes nothing
 * (`gekkan new` starts a draft), and "built 0 issues" alone does not say why.
 */
export function leftOutNotes(issues: readonly NotedIssue[], today: string, include: { drafts?: boolean; future?: boolean }): string[] {
  const { drafts, scheduled } = leftOut(issues, today, include);
  const notes: string[] = [];
  if (drafts.length > 0) {
    const them = drafts.length === 1 ? "it" : "them";
    notes.push(`gekkan: ${plural(drafts.length, "draft")} left out (${named(drafts, (issue) => issue.file)}): remove draft: true to publish ${them}, or preview ${them} with --drafts`);
  }
  if (scheduled.length > 0) {
    const one = scheduled.length === 1;
    notes.push(`gekkan: ${plural(scheduled.length, "issue")} dated after today (${today}) left out (${named(scheduled, (issue) => `${issue.file} on ${issue.date}`)}): ${one ? "it is" : "each is"} published by the first build on or after its date, or preview ${one ? "it" : "them"} with --future`);
  }
  return notes;
}

function named(issues: readonly NotedIssue[], name: (issue: NotedIssue) => string): string {
  const shown = issues.slice(0, NAMED).map(name).join(", ");
  return issues.length > NAMED ? `${shown} and ${issues.length - NAMED} more` : shown;
}

/** The issues of `issues` that a note could name (drafts and future-dated ones), each as a note needs it. */
export function notedIssues(issues: readonly NotedIssue[], today: string, include: { drafts?: boolean; future?: boolean }): NotedIssue[] {
  const { drafts, scheduled } = leftOut(issues, today, include);
  return [...drafts, ...scheduled].map(({ file, date, draft }) => ({ file, date, draft }));
}
