import { issueSkeleton } from "../content/skeleton.js";
import type { ExistingIssue } from "./existing-issues.js";

/**
 * The latest issue in the site's language (by number), when it is still
 * byte for byte the draft `gekkan new` wrote: not a word of it written
 * yet. Starting another issue then is most likely `gekkan new` run twice
 * (the first path went by unseen, or `$EDITOR "$(gekkan new)"` was run
 * again to open it), which made the next month's issue in silence; the
 * author who meant to write the first found two drafts and a number used.
 * Compared with the skeleton made again from the file's own fields, so it
 * follows whatever gekkan new writes (skeleton.ts).
 */
export function untouchedDraft(existing: readonly ExistingIssue[], siteLang: string): ExistingIssue | undefined {
  const originals = existing.filter((e) => (e.lang ?? siteLang) === siteLang && e.number !== undefined);
  const latest = originals.sort((a, b) => (b.number ?? 0) - (a.number ?? 0))[0];
  if (latest?.number === undefined || latest.date === undefined || latest.title === undefined) return undefined;
  const made = issueSkeleton({ number: latest.number, date: latest.date, title: latest.title, slug: latest.slug, lang: latest.lang ?? siteLang });
  return made === latest.text ? latest : undefined;
}
