import { PlainError } from "../diagnostics.js";
import { didYouMean } from "../suggest.js";
import { editionsOf, type Site, type SiteIssue } from "../site/model.js";
import { isPublished } from "../site/published.js";

/**
 * The issue `gekkan email ISSUE` means: a number ("4"), a slug ("2011-07"),
 * or, without ISSUE, the latest published issue; in the site's language, or
 * with `lang` in that translation. Issue lists are newest first.
 */
export function selectIssue(site: Site, today: string, wanted: string | undefined, lang?: string): SiteIssue {
  const editions = editionsOf(site);
  const edition = lang === undefined ? site : editions.find((e) => e.lang === lang);
  if (edition === undefined) throw new PlainError(`no issue is in ${JSON.stringify(lang)}: the site's languages are ${editions.map((e) => e.lang).join(", ")}`);
  const issues = edition.issues;
  const within = edition === site ? "" : ` in ${edition.lang}`;
  if (wanted === undefined) {
    const latest = issues.find((entry) => isPublished(entry.issue, today));
    if (latest === undefined) throw new PlainError(issues.length === 0 ? "the site has no issues yet" : `no issue${within} is published yet (all are drafts or dated after today); name one, e.g. gekkan email ${issues.at(-1)?.issue.number ?? 1}`);
    return latest;
  }
  const byNumber = /^\d+$/.test(wanted) ? issues.find((entry) => entry.issue.number === Number(wanted)) : undefined;
  // A slug names the page: a translation without a slug of its own is found by its original's.
  const found = byNumber ?? issues.find((entry) => entry.slug === wanted);
  if (found !== undefined) return found;
  const hint = didYouMean(wanted, issues.map((entry) => entry.slug));
  throw new PlainError(`no issue ${JSON.stringify(wanted)}${within}: give an issue number or slug${issues.length > 0 ? `; the site has ${knownIssues(issues)}${within}` : ""}${hint}`);
}

/** The issues to name in that message, oldest first: all of a short list; of a long one, how many and the first and last. */
function knownIssues(newestFirst: readonly SiteIssue[]): string {
  const named = (entry: SiteIssue) => `${entry.issue.number} (${entry.slug})`;
  const oldest = [...newestFirst].reverse();
  if (oldest.length <= LISTED) return oldest.map(named).join(", ");
  return `${oldest.length} issues, from ${named(oldest[0] as SiteIssue)} to ${named(oldest.at(-1) as SiteIssue)}`;
}

/** Past this many, a list of every issue would bury the message (a series of years has hundreds). */
const LISTED = 12;

