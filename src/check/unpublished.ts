import type { IssueMeta } from "../content/render-issue.js";

/** "a draft", "scheduled for 2011-08-01", or undefined for an issue `gekkan build` publishes today. */
export function unpublishedNote(issue: Pick<IssueMeta, "draft" | "date">, today: string): string | undefined {
  if (issue.draft) return "a draft";
  if (issue.date > today) return `scheduled for ${issue.date}`;
  return undefined;
}
