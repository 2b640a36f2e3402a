import type { IssueMeta } from "../content/render-issue.js";
import { isPublished } from "../site/published.js";

/** "a draft", "scheduled for 2011-08-01", or undefined for an issue `gekkan build` publishes today. */
export function unpublishedNote(issue: Pick<IssueMeta, "draft" | "date">, today: string): string | undefined {
  if (isPublished(issue, today)) return undefined;
  return issue.draft ? "a draft" : `scheduled for ${issue.date}`;
}
