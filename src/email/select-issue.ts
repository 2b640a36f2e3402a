import { PlainError } from "../diagnostics.js";
import type { Site, SiteIssue } from "../site/model.js";

/** Published: not a draft, and its date has come. */
export function isPublished(entry: SiteIssue, today: string): boolean {
  return !entry.issue.draft && entry.issue.date <= today;
}

/**
 * The issue `gekkan email ISSUE` means: a number ("4"), a slug ("2011-07"),
 * or, without ISSUE, the latest published issue. `site.issues` is newest first.
 */
export function selectIssue(site: Site, today: string, wanted: string | undefined): SiteIssue {
  if (wanted === undefined) {
    const latest = site.issues.find((entry) => isPublished(entry, today));
    if (latest === undefined) throw new PlainError(site.issues.length === 0 ? "the site has no issues yet" : "no issue is published yet (all are drafts or dated after today); name one, e.g. gekkan email 1");
    return latest;
  }
  const byNumber = /^\d+$/.test(wanted) ? site.issues.find((entry) => entry.issue.number === Number(wanted)) : undefined;
  const found = byNumber ?? site.issues.find((entry) => entry.issue.slug === wanted);
  if (found !== undefined) return found;
  const known = [...site.issues].reverse().map((entry) => `${entry.issue.number} (${entry.issue.slug})`);
  throw new PlainError(`no issue ${JSON.stringify(wanted)}: give an issue number or slug${known.length > 0 ? `; the site has ${known.join(", ")}` : ""}`);
}
