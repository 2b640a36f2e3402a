import type { VFileMessage } from "vfile-message";
import { compareText } from "../diagnostics.js";
import type { IssueMeta, RenderedIssue } from "../content/render-issue.js";
import type { Edition, Site, SiteIssue } from "./model.js";
import { routesIn } from "./urls.js";
import { buildReference } from "./reference.js";
import { blockEntries, translatedEntries } from "./block-match.js";
import { otherNamedMonth } from "./file-month-warnings.js";
import { aliasClashes, duplicateNumbers, duplicates, orphanTranslations, translationNumberSlips, translationsBeforeOriginals, updatedAfterToday, untranslatedCopies, type Known } from "./collect-problems.js";
import { groupBy } from "../group-by.js";
import { isOnSite } from "./published.js";
import { originalsIn } from "./originals.js";

export interface CollectOptions {
  drafts: boolean;
  future: boolean;
  /** "Today" as YYYY-MM-DD: SOURCE_DATE_EPOCH or the clock, decided by the caller. */
  today: string;
  /** The site's language (config `lang`): its issues are the originals, every other language's are translations. */
  lang: string;
  /** Issues whose body failed (their front matter is valid): counted by the checks across files, never published. */
  failed?: readonly IssueMeta[] | undefined;
  /** Files whose front matter could not be read (each has its own error): a translation named for one is not also told it has no original. */
  unread?: readonly string[] | undefined;
}

export type CollectResult = { ok: true; site: Site } | { ok: false; messages: VFileMessage[] };

/**
 * Rendered issues → the Site model. Checks what only shows across files
 * (duplicate numbers in one language, translations without an original,
 * dated before it or still its copy, two issues on one URL), then drops drafts and future issues before anything
 * is linked, so they cannot leak into any page. A translation is published
 * only while its original is.
 */
export function collectSite(rendered: readonly RenderedIssue[], options: CollectOptions): CollectResult {
  // Every issue whose front matter is valid takes part in the checks, so their errors come with the bodies' (all at once).
  const known: Known[] = [...rendered, ...(options.failed ?? []).map((issue) => ({ issue }))];
  const originalOf = originalsIn(known, options.lang);
  const slugOf = (r: Known) => issueSlug(r, originalOf(r), options.lang);
  const routeOf = (r: Known) => routesIn(r.issue.lang, options.lang).issue(slugOf(r));
  const aliasRoutes = (r: Known, slugs: readonly string[]) => slugs.map((alias) => routesIn(r.issue.lang, options.lang).issue(alias));
  const ownAliases = (r: Known) => aliasRoutes(r, r.issue.aliases);
  const pageRoutes = new Set(known.map(routeOf));
  // A translation's inherited alias that is a page's address is left out: the original's author is told about it, once.
  const aliasesOf = (r: Known) => [...new Set([...ownAliases(r), ...aliasRoutes(r, inheritedAliases(r, originalOf(r), options.lang)).filter((route) => !pageRoutes.has(route))])];
  const slips = translationNumberSlips(known, options.lang);
  const numberedRight = known.filter((r) => !slips.has(r));
  const messages = [
    ...duplicateNumbers(known, options.lang),
    ...slips.values(),
    ...orphanTranslations(numberedRight, options.lang, options.unread),
    ...translationsBeforeOriginals(numberedRight, options.lang),
    ...updatedAfterToday(known, options.today),
    ...untranslatedCopies(rendered, options.lang),
    ...duplicates(known, (r) => `/${routeOf(r)}`, "page URL", (r) => r.issue.slugLine, (r) => samePageFix(r, slugOf(r), options.lang)),
    ...aliasClashes(known, routeOf, ownAliases),
  ];
  if (messages.length > 0) return { ok: false, messages };

  const renderedOriginal = originalsIn(rendered, options.lang);
  const published = rendered.filter((r) => isOnSite(r.issue, renderedOriginal(r)?.issue, options.today, options));
  const entries = published.map((r): SiteIssue => ({ issue: r.issue, body: r.body, route: routeOf(r), slug: slugOf(r), aliases: aliasesOf(r), year: issueYear(r, renderedOriginal(r)), previous: undefined, next: undefined, versions: [] }));
  linkVersions(entries, options.lang);
  const langs = [...new Set(entries.map((e) => e.issue.lang).filter((lang) => lang !== options.lang))].sort(compareText);
  const site = edition(entries, options.lang, options.lang, undefined);
  return { ok: true, site: { ...site, translations: langs.map((lang) => edition(entries, lang, options.lang, site)) } };
}

/**
 * How to part two issues at one address. An original whose file is named for
 * another month than its date is most likely last month's file copied for
 * this one with its date left as it was: that date is the fix to name.
 */
function samePageFix(r: Known, slug: string, siteLang: string): string {
  const month = r.issue.lang === siteLang ? otherNamedMonth(r.issue) : undefined;
  const named = month === undefined ? "" : `; this file is named for ${month}: if it is the ${month} issue, its date is the mistake (date: ${month}-01)`;
  return `an issue's URL is its month unless it sets a slug: give one of them a slug of its own (for example slug: ${slug}-2), or correct its date${named}`;
}

/**
 * Where the pages of issues whose text failed would be (each language's
 * route): a build that goes on without them (gekkan check) must not call a
 * link to one broken, only unchecked.
 */
export function failedRoutes(rendered: readonly RenderedIssue[], failed: readonly IssueMeta[], lang: string): string[] {
  const missing: Known[] = failed.map((issue) => ({ issue }));
  const originalOf = originalsIn([...rendered, ...missing], lang);
  return missing.map((r) => routesIn(r.issue.lang, lang).issue(issueSlug(r, originalOf(r), lang)));
}

/**
 * The slug the page of `failed`, an issue whose text failed, would have
 * (issueSlug's rule), among the issues `known` (its original among them).
 */
export function failedSlug(failed: IssueMeta, known: readonly Known[], lang: string): string {
  const r: Known = { issue: failed };
  return issueSlug(r, originalsIn([...known, r], lang)(r), lang);
}

/**
 * THE rule for the slug in an issue's URL (`issues/<slug>/` under its
 * language's prefix, urls.ts): its own, but a translation without a `slug`
 * of its own takes its original's, so the two URLs differ only in the
 * prefix even when their dates differ.
 */
function issueSlug(r: Known, original: Known | undefined, siteLang: string): string {
  return r.issue.lang === siteLang || r.issue.slugGiven || original === undefined ? r.issue.slug : original.issue.slug;
}

/**
 * The earlier slugs a translation that takes its original's slug keeps old
 * addresses for: the original's aliases (its address moved with the original's).
 */
function inheritedAliases(r: Known, original: Known | undefined, siteLang: string): string[] {
  return r.issue.lang === siteLang || r.issue.slugGiven || original === undefined ? [] : original.issue.aliases;
}

/** The archive year: the original's, so a translation published later is filed with its issue. */
function issueYear(r: RenderedIssue, original: RenderedIssue | undefined): string {
  return (original ?? r).issue.date.slice(0, 4);
}

/** Each entry's versions: the entries with its number, the original first, then by language code. */
function linkVersions(entries: readonly SiteIssue[], siteLang: string): void {
  for (const group of groupBy(entries, (entry) => entry.issue.number).values()) {
    group.sort((a, b) => (a.issue.lang === siteLang ? -1 : b.issue.lang === siteLang ? 1 : compareText(a.issue.lang, b.issue.lang)));
    for (const entry of group) entry.versions = group;
  }
}

/**
 * One language's edition: its issues newest first, linked to their
 * neighbours in that language, by year, and its reference data. A
 * translation's reference pages keep one entry per block of the originals
 * (`base`), in the translation where there is one (block-match.ts).
 */
function edition(entries: readonly SiteIssue[], lang: string, siteLang: string, base: Edition | undefined): Edition {
  const issues = entries.filter((e) => e.issue.lang === lang).sort((a, b) => b.issue.number - a.issue.number);
  issues.forEach((entry, i) => {
    entry.next = issues[i - 1];
    entry.previous = issues[i + 1];
  });
  const years = groupBy(issues, (entry) => entry.year);
  const blocks = base === undefined
    ? issues.flatMap(blockEntries)
    : base.issues.flatMap((original) => translatedEntries(original, original.versions.find((v) => v.issue.lang === lang)));
  return {
    lang,
    routes: routesIn(lang, siteLang),
    issues,
    years: [...years].sort(([a], [b]) => (a < b ? 1 : -1)).map(([year, list]) => ({ year, issues: list })),
    ...buildReference(issues, blocks, base?.issues),
  };
}
