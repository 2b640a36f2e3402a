import type { IssueMeta } from "../content/render-issue.js";

/**
 * THE publication rule: an issue is on the site when it is not a draft and
 * its date has come. `drafts` and `future` widen it (--drafts, --future,
 * the dev server's preview).
 */
export function isPublished(issue: Pick<IssueMeta, "draft" | "date">, today: string, include: { drafts?: boolean; future?: boolean } = {}): boolean {
  return (include.drafts === true || !issue.draft) && (include.future === true || issue.date <= today);
}

/**
 * THE rule for a translation: it is on the site only while its original
 * (originals.ts) is, so a page never links a version whose original is
 * missing. An original is its own original.
 */
export function isOnSite(issue: Pick<IssueMeta, "draft" | "date">, original: Pick<IssueMeta, "draft" | "date"> | undefined, today: string, include: { drafts?: boolean; future?: boolean } = {}): boolean {
  return original !== undefined && isPublished(issue, today, include) && isPublished(original, today, include);
}

/** "a draft", "scheduled for 2011-08-01", or undefined for an issue `gekkan build` publishes today. */
export function unpublishedNote(issue: Pick<IssueMeta, "draft" | "date">, today: string): string | undefined {
  if (isPublished(issue, today)) return undefined;
  return issue.draft ? "a draft" : `scheduled for ${issue.date}`;
}
