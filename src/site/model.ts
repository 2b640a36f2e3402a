import type { IssueMeta } from "../content/render-issue.js";
import type { RenderedBody } from "../markdown/rendered.js";
import type { QaBlock, ReleaseBlock, StonithBlock } from "../blocks/types.js";
import type { LanguageRoutes } from "./urls.js";

/** A published issue with everything pages need to link it. */
export interface SiteIssue {
  issue: IssueMeta;
  body: RenderedBody;
  route: string;
  /** The slug in `route`: the issue's own, or for a translation without one, its original's. */
  slug: string;
  /** Routes of the addresses it had before (front matter `aliases`), in its language: each gets a page leading to `route`. */
  aliases: string[];
  year: string;
  /** Neighbours in issue-number order (older = previous), in the same language. */
  previous: SiteIssue | undefined;
  next: SiteIssue | undefined;
  /**
   * The published versions of this issue number, one per language: the
   * original (the site's language) first, then its translations by language
   * code. This entry is among them; an issue nobody translated has only itself.
   */
  versions: SiteIssue[];
}

/** Where a block came from: enough to link back to it. */
export interface BlockSource {
  issue: SiteIssue;
  /** Route of the issue page plus "#anchor". */
  anchorRoute: string;
}

export interface ReleaseEntry { block: ReleaseBlock; source: BlockSource }
export interface QaEntry { block: QaBlock; source: BlockSource }
export interface StonithEntry { block: StonithBlock; source: BlockSource }

export interface StonithDevice {
  device: string;
  /** Newest statement wins. */
  current: StonithEntry;
  /** Older statements, newest first; `superseded` when the plugin changed. */
  history: Array<StonithEntry & { superseded: boolean }>;
}

export interface ComponentSummary {
  name: string;
  /** Issues belonging to the component: tagged with it, or with a block about it (reference.ts `issueComponents`). Its feed's entries. */
  issues: SiteIssue[];
  /**
   * What its page lists, newest number first: `issues`, and in a translation
   * also, for an issue number none of `issues` has, the original when it
   * belongs (not translated yet, or translated without the block or tag):
   * in its own language, marked so, as its reference rows show its blocks
   * (reference.ts componentListing). The edition's own feed keeps to `issues`.
   */
  listed: SiteIssue[];
  releases: ReleaseEntry[];
  qa: QaEntry[];
  stonith: StonithEntry[];
}

/**
 * The site in one language: its issues and the pages made from them. The
 * site's own language holds the originals; a translation's language holds
 * the issues translated into it, under its own prefix ("en/").
 */
export interface Edition {
  lang: string;
  /** Where this language's pages live (urls.ts routesIn). */
  routes: LanguageRoutes;
  /** Published issues in this language, newest first. */
  issues: SiteIssue[];
  years: Array<{ year: string; issues: SiteIssue[] }>;
  /** Every release block, by component name, newest issue first within a component. */
  releases: ReleaseEntry[];
  /** Every Q&A once, newest issue first (a Q&A naming three components is still one entry). */
  compat: QaEntry[];
  stonith: StonithDevice[];
  components: ComponentSummary[];
}

/** The site: the edition in the site's language (the originals), and one more per language the issues are translated into. */
export interface Site extends Edition {
  /** The other languages, by language code; empty when no issue is translated. */
  translations: Edition[];
}

/** Every edition, the site's language first. */
export function editionsOf(site: Site): Edition[] {
  return [site, ...site.translations];
}

/** Every published issue in every language: originals first, newest first within each language. */
export function allIssues(site: Site): SiteIssue[] {
  return editionsOf(site).flatMap((edition) => edition.issues);
}

/**
 * The latest day among `issues` of a date or a correction (front matter
 * `updated`; YYYY-MM-DD compares as text). Lists are ordered by number, and
 * a number is not always the latest date (an issue filled into a gap with
 * gekkan new --date), so the first one's date could be older than what a
 * feed or page shows; and a corrected issue changes every list that shows it.
 */
export function newestChange(issues: readonly SiteIssue[], dayOf: (entry: SiteIssue) => string = ownChange): string | undefined {
  let newest: string | undefined;
  for (const entry of issues) {
    const day = dayOf(entry);
    if (newest === undefined || day > newest) newest = day;
  }
  return newest;
}

/** An issue's own last change: its correction (front matter `updated`), else its date. */
export function ownChange(entry: SiteIssue): string {
  return entry.issue.updated ?? entry.issue.date;
}

/**
 * The day a feed or list page last changed: its newest issue's date or
 * correction (newestChange), or,
 * with no issue published yet, the build's day (`today`: SOURCE_DATE_EPOCH
 * when set, else the clock). An empty site's feeds said 1970-01-01, which a
 * feed reader shows as a newsletter last updated half a century ago.
 */
export function lastChange(issues: readonly SiteIssue[], today: string, dayOf?: (entry: SiteIssue) => string): string {
  return newestChange(issues, dayOf) ?? today;
}
