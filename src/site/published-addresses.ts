import type { VFileMessage } from "vfile-message";
import { placelessWarning, warning } from "../diagnostics.js";
import type { IssueMeta } from "../content/render-issue.js";
import { allIssues, type Site } from "./model.js";
import { originalsIn } from "./originals.js";
import { issueRouteParts, routeUrl } from "./urls.js";

/** An issue page a build published: what the next build compares its own with. */
export interface PublishedAddress {
  file: string;
  number: number;
  lang: string;
  /** Its route ("issues/2011-04/", "en/issues/2011-04/"). */
  route: string;
}

/** The issue pages of `site` and the pages at their old addresses (aliases), in a stable order. */
export function publishedAddresses(site: Site): PublishedAddress[] {
  return allIssues(site).flatMap((entry) => [entry.route, ...entry.aliases].map((route) => ({ file: entry.issue.file, number: entry.issue.number, lang: entry.issue.lang, route })));
}

/** A list read back from the cache, field by field; anything else is none. */
export function asAddresses(value: unknown): PublishedAddress[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const valid = value.every((item) => {
    const a = item as Partial<PublishedAddress> | null;
    return a !== null && typeof a === "object" && typeof a.file === "string" && typeof a.number === "number" && typeof a.lang === "string" && typeof a.route === "string";
  });
  return valid ? (value as PublishedAddress[]) : undefined;
}

export interface LostAddresses {
  warnings: VFileMessage[];
  /**
   * Old addresses of issues that are still published elsewhere, with nothing
   * left at the old one: kept in the record, so the warning is given again
   * until an alias keeps the address or the author stops the warning.
   */
  unresolved: PublishedAddress[];
}

/**
 * The original of a translation that is itself ready, when the original is a
 * draft: the translation is left out with it (site/collect.ts). Its pages,
 * published by the last build, went without a word: the build's note said
 * only that it is left out, not that readers had it. `originalOf` is
 * originalsIn's rule over every issue the build read, drafts included.
 */
function draftOriginal(translation: IssueMeta, originalOf: (r: { issue: IssueMeta }) => { issue: IssueMeta } | undefined, siteLang: string): IssueMeta | undefined {
  if (translation.lang === siteLang) return undefined;
  const original = originalOf({ issue: translation })?.issue;
  return original?.draft ? original : undefined;
}

/**
 * The issue pages the last build published that this one does not (nothing,
 * not even an alias page, is at the route now). A static site cannot know
 * its history from its inputs, so this compares with the last build's record:
 * an issue whose slug or month changed is told to keep its old address with
 * `aliases`, as readers' bookmarks and the emails already sent lead there; an
 * issue gone (a draft again, deleted) is said once, in case it was not meant.
 * One only dated after this build's today is left to the build's own note.
 */
export function lostAddresses(before: readonly PublishedAddress[], site: Site, exists: (route: string) => boolean, known: readonly IssueMeta[], basePath: string): LostAddresses {
  const now = allIssues(site);
  const byFile = new Map(now.map((entry) => [entry.issue.file, entry]));
  const byNumber = new Map(now.map((entry) => [`${entry.issue.number}\0${entry.issue.lang}`, entry]));
  const draft = new Map(known.map((issue) => [issue.file, issue]));
  const originalOf = originalsIn(known.map((issue) => ({ issue })), site.lang);
  const warnings: VFileMessage[] = [];
  const unresolved: PublishedAddress[] = [];
  for (const old of before) {
    if (exists(old.route)) continue;
    const url = routeUrl(basePath, old.route);
    const moved = byFile.get(old.file) ?? byNumber.get(`${old.number}\0${old.lang}`);
    // In another language's folder now (the site's language swapped): no alias of the issue can stand there.
    if (moved !== undefined && issueRouteParts(moved.route).folder !== issueRouteParts(old.route).folder) continue;
    if (moved !== undefined) {
      const { slug } = issueRouteParts(old.route);
      const line = moved.issue.slugGiven ? moved.issue.slugLine : moved.issue.dateLine;
      // A translation without a slug of its own moved with its original, and takes the original's aliases too.
      const original = moved.versions[0];
      const where = moved.issue.slugGiven || original === undefined || original === moved ? "this issue's front matter" : `its original's front matter (${original.issue.file}), which this translation takes its address from`;
      const reason = `issue ${moved.issue.number} was published at ${url} by the last build and is at ${routeUrl(basePath, moved.route)} now: readers' bookmarks, links elsewhere and every email already sent lead to the old address, which is gone; keep it with aliases: [${slug}] in ${where}`;
      warnings.push(warning(moved.issue.file, reason, { line, column: 1 }, "address-moved"));
      unresolved.push(old);
      continue;
    }
    const still = draft.get(old.file);
    const heldBy = still === undefined || still.draft ? undefined : draftOriginal(still, originalOf, site.lang);
    // Dated after this build's today (a build run with an earlier SOURCE_DATE_EPOCH): the build's own note names it already.
    if (still !== undefined && !still.draft && heldBy === undefined) continue;
    const why = still === undefined ? "its file is gone" : heldBy !== undefined ? `its original, ${heldBy.file}, is a draft again` : "it is a draft again";
    const reason = `issue ${old.number} (${url}) was published by the last build and is not now (${why}): its page, feed entry and search entry are gone, and links to it in emails already sent lead nowhere; if that is not meant, publish ${heldBy === undefined ? "it" : "the original"} again`;
    // A file that is gone has no line to point at; one made a draft again is pointed at its start.
    warnings.push(still === undefined ? placelessWarning(old.file, reason, "address-gone") : warning(old.file, reason, { line: 1, column: 1 }, "address-gone"));
  }
  return { warnings, unresolved };
}
