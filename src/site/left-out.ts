import type { IssueMeta } from "../content/render-issue.js";
import { isOnSite, isPublished } from "./published.js";
import { originalsIn } from "./originals.js";
import { plural } from "../plural.js";

/** An issue as a note names it: enough for the build record to keep, so a skipped build can say it again with its own "today". */
type Named = Pick<IssueMeta, "file" | "date" | "draft">;

/** What a note says of an issue; a translation keeps its original too, which can keep it off the site. */
export type NotedIssue = Named & { original?: Named | undefined };

/** The issues a build left out, by why: a draft (even a future-dated one) is a draft first; a translation ready on its own waits for its original. */
export interface LeftOut<T extends NotedIssue = NotedIssue> {
  drafts: T[];
  scheduled: T[];
  waiting: T[];
}

/** Which of `issues` the publication rules (published.ts) leave out of this build, in the order given. */
export function leftOut<T extends NotedIssue>(issues: readonly T[], today: string, include: { drafts?: boolean; future?: boolean }): LeftOut<T> {
  const out: LeftOut<T> = { drafts: [], scheduled: [], waiting: [] };
  for (const issue of issues) {
    if (!isPublished(issue, today, include)) (issue.draft && include.drafts !== true ? out.drafts : out.scheduled).push(issue);
    else if (!isOnSite(issue, issue.original ?? issue, today, include)) out.waiting.push(issue);
  }
  return out;
}

/** How many files a note names before "and N more": enough to find this month's, short with a backlog of drafts. */
const NAMED = 3;

/**
 * Lines for the end of `gekkan build`: which issues it left out and how to
 * publish or preview them. A new author's first build publishes nothing
 * (`gekkan new` starts a draft), and "built 0 issues" alone does not say why.
 * `clockDay`: the clock's day when SOURCE_DATE_EPOCH gave `today` instead.
 */
export function leftOutNotes(issues: readonly NotedIssue[], today: string, include: { drafts?: boolean; future?: boolean }, name: (file: string) => string = (file) => file, clockDay?: string): string[] {
  const { drafts, scheduled, waiting } = leftOut(issues.map((issue) => renamed(issue, name)), today, include);
  const notes: string[] = [];
  if (drafts.length > 0) {
    const them = drafts.length === 1 ? "it" : "them";
    notes.push(`gekkan: ${plural(drafts.length, "draft")} left out (${named(drafts, (issue) => issue.file)}): remove draft: true to publish ${them}, or preview ${them} with --drafts`);
  }
  if (scheduled.length > 0) notes.push(scheduledNote(scheduled, today, clockDay));
  if (waiting.length > 0) notes.push(waitingNote(waiting, today, include));
  return [...notes, ...previewNotes(issues.map((issue) => renamed(issue, name)), today, include)];
}

/**
 * What --drafts and --future put in: everywhere a published issue goes
 * (pages, lists, feeds, the sitemap, search), into the same output folder,
 * so the note says this build is a preview, not one to publish.
 */
function previewNotes(issues: readonly NotedIssue[], today: string, include: { drafts?: boolean; future?: boolean }): string[] {
  // By the publication rule itself: a future-dated draft under --drafts alone is still left out, for its date.
  const putIn = issues.filter((issue) => !isPublished(issue, today) && isPublished(issue, today, include));
  const drafts = putIn.filter((issue) => issue.draft);
  const scheduled = putIn.filter((issue) => !issue.draft);
  if (putIn.length === 0) return [];
  const kinds = [drafts.length > 0 ? plural(drafts.length, "draft") : "", scheduled.length > 0 ? `${plural(scheduled.length, "issue")} dated after today` : ""].filter(Boolean).join(" and ");
  const flags = [drafts.length > 0 ? "--drafts" : "", scheduled.length > 0 ? "--future" : ""].filter(Boolean).join(" and ");
  return [`gekkan: this build is a preview: it includes ${kinds} (${named([...drafts, ...scheduled], (issue) => issue.file)}) in its pages, lists, feeds, sitemap and search; publish a build made without ${flags}`];
}

/**
 * The issues left out for their date. When SOURCE_DATE_EPOCH set "today" and
 * the clock's day would publish some of them, the note says only that: a
 * daily build given the last commit's time (`git log -1 --format=%ct`) keeps
 * one day for ever, so "the first build on or after its date" never comes,
 * and the note must not promise it. A --future build is a preview (see
 * previewNotes), so the way to publish is to unset SOURCE_DATE_EPOCH.
 */
function scheduledNote(scheduled: readonly NotedIssue[], today: string, clockDay: string | undefined): string {
  const one = scheduled.length === 1;
  const all = one ? "it" : "them";
  const head = (source: string) => `gekkan: ${plural(scheduled.length, "issue")} dated after today (${today}${source}) left out (${named(scheduled, (issue) => `${issue.file} on ${issue.date}`)})`;
  const due = clockDay === undefined ? [] : scheduled.filter((issue) => issue.date <= clockDay);
  if (clockDay === undefined || due.length === 0) return `${head("")}: ${one ? "it is" : "each is"} published by the first build on or after its date, or preview ${all} with --future`;
  const them = due.length === 1 ? "it" : "them";
  const which = due.length === scheduled.length ? (one ? "it" : "they") : `${due.length} of them (${named(due, (issue) => issue.file)})`;
  return `${head(", taken from SOURCE_DATE_EPOCH")}: the clock says ${clockDay}, by which ${which} would be out, but a fixed SOURCE_DATE_EPOCH never comes to ${due.length === 1 ? "its" : "their"} date, so unset SOURCE_DATE_EPOCH to publish ${them}, or preview ${all} with --future`;
}

/** The issue with its file (and its original's) as the note prints it: the command names files from where the author is. */
function renamed(issue: NotedIssue, name: (file: string) => string): NotedIssue {
  const original = issue.original === undefined ? undefined : { ...issue.original, file: name(issue.original.file) };
  return { ...issue, file: name(issue.file), original };
}

/** A translation with nothing of its own to fix: the note says what holds its original back. */
function waitingNote(waiting: readonly NotedIssue[], today: string, include: { drafts?: boolean; future?: boolean }): string {
  const why = (issue: NotedIssue) => {
    const original = issue.original ?? issue;
    const held = original.draft && include.drafts !== true ? "a draft" : `dated ${original.date}`;
    return `${issue.file}: its original ${original.file} is ${held}`;
  };
  const one = waiting.length === 1;
  return `gekkan: ${plural(waiting.length, "translation")} left out until ${one ? "its original is" : "their originals are"} published (${named(waiting, why)})`;
}

function named(issues: readonly NotedIssue[], name: (issue: NotedIssue) => string): string {
  const shown = issues.slice(0, NAMED).map(name).join(", ");
  return issues.length > NAMED ? `${shown} and ${issues.length - NAMED} more` : shown;
}

/** The issues of `items` that a note could name (drafts, future-dated ones, translations waiting for their original, whether this build left them out or a flag put them in), each as a note needs it. */
export function notedIssues(items: ReadonlyArray<{ issue: IssueMeta }>, siteLang: string, today: string): NotedIssue[] {
  const originalOf = originalsIn(items, siteLang);
  const noted = items.map(({ issue }): NotedIssue => {
    const original = originalOf({ issue })?.issue;
    const own = { file: issue.file, date: issue.date, draft: issue.draft };
    return original === undefined || original === issue ? own : { ...own, original: { file: original.file, date: original.date, draft: original.draft } };
  });
  // By the default rules, not this build's: the notes say what a flag put in as well as what was left out.
  const { drafts, scheduled, waiting } = leftOut(noted, today, {});
  const kept = new Set([...drafts, ...scheduled, ...waiting]);
  return noted.filter((issue) => kept.has(issue));
}
