import { lastChange, ownChange, type SiteIssue } from "./model.js";
import { correctedAfterTranslation } from "./outdated-translations.js";

/**
 * The day an issue's page last changed for its readers: its own correction
 * (`updated`), else its date; for a translation whose original was
 * corrected after it, the later of that and the original's correction, as
 * its page shows a note of it from that day (render/original-correction.ts).
 * The sitemap and the feeds date an issue by this one rule, so a crawler and
 * a feed reader see the change the page shows.
 */
export function shownChange(entry: SiteIssue): string {
  const own = ownChange(entry);
  const original = correctedAfterTranslation(entry)?.corrected;
  return original !== undefined && original > own ? original : own;
}

/** The latest shownChange among `issues` (a feed's entries), or `today` when there is none (lastChange in model.ts). */
export function lastShownChange(issues: readonly SiteIssue[], today: string): string {
  return lastChange(issues, today, shownChange);
}
