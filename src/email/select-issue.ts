import { posix } from "node:path";
import { PlainError } from "../diagnostics.js";
import { didYouMean } from "../suggest.js";
import { didYouMeanLanguage } from "../language-name.js";
import { namedIssues, numberInWords } from "../issue-names.js";
import { allIssues, editionsOf, type Edition, type Site, type SiteIssue } from "../site/model.js";
import { failedSlug } from "../site/collect.js";
import { originalsIn } from "../site/originals.js";
import { issueRouteParts } from "../site/urls.js";
import { safeDecode } from "../percent-decode.js";
import { withoutOrigin } from "../url-scheme.js";
import { isPublished, unpublishedNote } from "../site/published.js";
import { monthSlug } from "../content/issue.js";
import type { IssueMeta } from "../content/render-issue.js";

/**
 * The issue `gekkan email ISSUE` means: a number ("4"), a slug ("2011-07"),
 * or, without ISSUE, the latest published issue; in the site's language, or
 * with `lang` in that translation. Issue lists are newest first.
 */
export function selectIssue(site: Site, today: string, wanted: string | undefined, lang?: string): SiteIssue {
  const editions = editionsOf(site);
  const edition = lang === undefined ? site : editions.find((e) => e.lang === lang);
  if (edition === undefined) {
    const langs = editions.map((e) => e.lang);
    throw new PlainError(`no issue is in ${JSON.stringify(lang)}: the site's languages are ${langs.join(", ")}${didYouMeanLanguage(lang ?? "", langs)}`);
  }
  const issues = edition.issues;
  const within = edition === site ? "" : ` in ${edition.lang}`;
  if (wanted === undefined) {
    // A translation is on the site only while its original is too (versions[0]); one of a draft is not "published".
    const latest = issues.find((entry) => isPublished(entry.issue, today) && isPublished((entry.versions[0] ?? entry).issue, today));
    if (latest === undefined) throw new PlainError(issues.length === 0 ? "the site has no issues yet" : `no issue${within} is published yet (all are drafts or dated after today); name one, e.g. gekkan email ${issues.at(-1)?.issue.number ?? 1}`);
    const behind = edition === site ? undefined : untranslatedLatest(site, edition, today, latest);
    if (behind !== undefined) throw new PlainError(behind);
    return latest;
  }
  const found = findIn(issues, wanted);
  if (found !== undefined) return found;
  const untranslated = edition === site ? undefined : findIn(site.issues, wanted);
  // Translated, at a slug of its own: "has no en translation" was said beside a list that named it.
  const ownSlug = untranslated === undefined ? undefined : issues.find((entry) => entry.issue.number === untranslated.issue.number);
  if (untranslated !== undefined && ownSlug !== undefined) {
    throw new PlainError(`no issue ${JSON.stringify(wanted)}${within}: that is the slug of issue ${untranslated.issue.number} in ${site.lang}, whose ${edition.lang} translation sets slug: ${ownSlug.slug} (${ownSlug.issue.file}); give ${untranslated.issue.number} or ${ownSlug.slug}`);
  }
  if (untranslated !== undefined) {
    // The author named a real issue; what is missing is its translation, which gekkan new starts.
    const others = issues.length === 0 ? "" : `; the ${edition.lang} edition has ${namedIssues([...issues].reverse().map((entry) => `${entry.issue.number} (${entry.slug})`))}`;
    throw new PlainError(`issue ${untranslated.issue.number} (${untranslated.slug}) has no ${edition.lang} translation: start one with gekkan new --translate ${untranslated.issue.number} --lang ${edition.lang}${others}`);
  }
  const moved = oldAddress(issues, wanted);
  if (moved !== undefined) throw new PlainError(`no issue ${JSON.stringify(wanted)}${within} now: ${moved}`);
  const meant = meantIssue(site, issues, wanted, lang);
  if (meant !== undefined) throw new PlainError(`no issue ${JSON.stringify(wanted)}${within}: ${meant}`);
  const known = issues.length === 0 ? "" : `; the site has ${namedIssues([...issues].reverse().map((entry) => `${entry.issue.number} (${entry.slug})`))}${within}`;
  throw new PlainError(`no issue ${JSON.stringify(wanted)}${within}: give an issue number or slug${known}${didYouMean(wanted, issues.map((entry) => entry.slug))}`);
}

/**
 * Why the latest issue of a translation's edition is not the one `gekkan
 * email --lang xx` means without ISSUE, when the site's latest issue is not
 * translated yet: the edition's latest is then an issue its readers most
 * likely had already, and the message went out to them again. Told, not
 * taken: the author names the issue, or translates the latest first.
 */
function untranslatedLatest(site: Site, edition: Edition, today: string, latest: SiteIssue): string | undefined {
  const newest = site.issues.find((entry) => isPublished(entry.issue, today));
  if (newest === undefined || newest.issue.number <= latest.issue.number) return undefined;
  const lang = latest.issue.lang;
  const held = newest.versions.find((entry) => entry.issue.lang === lang) ?? edition.issues.find((entry) => entry.issue.number === newest.issue.number);
  const note = held === undefined ? undefined : unpublishedNote(held.issue, today);
  const [state, fix] = held === undefined || note === undefined
    ? [`the latest issue, ${newest.issue.number} (${newest.slug}), has no ${lang} translation yet`, `translate issue ${newest.issue.number} first (gekkan new --translate ${newest.issue.number} --lang ${lang})`]
    : [`the ${lang} translation of the latest issue, ${newest.issue.number} (${held.issue.file}), is not out yet (${note})`, "publish that translation first"];
  return `${state}, and the ${lang} edition's latest is issue ${latest.issue.number} (${latest.slug}), which its readers may have had already; name the issue to write (gekkan email ${latest.issue.number} --lang ${lang}), or ${fix}`;
}

/** The issue a number ("4") or slug ("2011-07") names among `issues`. */
function findIn(issues: readonly SiteIssue[], wanted: string): SiteIssue | undefined {
  const byNumber = /^\d+$/.test(wanted) ? issues.find((entry) => entry.issue.number === Number(wanted)) : undefined;
  // A slug names the page: a translation without a slug of its own is found by its original's.
  return byNumber ?? issues.find((entry) => entry.slug === wanted);
}

/**
 * What `wanted` is when it is no slug now but names an issue all the same:
 * one of its old addresses (`aliases`), or its month when it set a slug of
 * its own. An error, not the issue: a message may be sent, so the author
 * names the issue as it is now.
 */
function oldAddress(issues: readonly SiteIssue[], wanted: string): string | undefined {
  const aliased = issues.find((entry) => entry.aliases.some((route) => issueRouteParts(route).slug === wanted));
  if (aliased !== undefined) return `that was the address of issue ${aliased.issue.number} before it set slug: ${aliased.slug} (${aliased.issue.file}); give ${aliased.issue.number} or ${aliased.slug}`;
  const month = issues.find((entry) => entry.issue.slugGiven && entry.slug !== wanted && monthSlug(entry.issue.date) === wanted);
  if (month !== undefined) return `issue ${month.issue.number} of ${wanted} sets slug: ${month.slug} (${month.issue.file}); give ${month.issue.number} or ${month.slug}`;
  return undefined;
}

/**
 * What an author who named an issue some other way meant, with what to
 * give instead: its number written as it is printed ("#1", "第1号", "No. 1",
 * full-width "１"), or its file ("content/issues/2011/2011-05.md", by tab
 * completion). Told, not taken: ISSUE is a number or a slug, and a message
 * may be about to go out.
 */
function meantIssue(site: Site, issues: readonly SiteIssue[], wanted: string, lang: string | undefined): string | undefined {
  const number = numberInWords(wanted);
  const option = lang === undefined ? "" : ` --lang ${lang}`;
  if (number !== undefined) return findIn(issues, number) === undefined ? undefined : `an issue is given by its number alone: gekkan email ${number}${option}`;
  const every = editionsOf(site).flatMap((edition) => edition.issues);
  const file = every.find(({ issue }) => isFileOf(issue.file, wanted));
  const page = file === undefined ? pageAt(every, wanted) : undefined;
  const named = file ?? page;
  if (named === undefined) return undefined;
  const translation = named.issue.lang === site.lang ? "" : ` --lang ${named.issue.lang}`;
  const which = translation === "" ? `issue ${named.issue.number} (${named.slug})` : `the ${named.issue.lang} translation of issue ${named.issue.number} (${named.slug})`;
  return `that is the ${file === undefined ? "page" : "file"} of ${which}; an issue is given by its number or slug: gekkan email ${named.issue.number}${translation}`;
}

/**
 * The issue whose page `wanted` is the address of, as the author copied it
 * from a browser or the site's folders: "en/2011-04" (a translation's slug
 * under its language, as its address has it), "/en/issues/2011-04/", or a
 * whole URL, a base path before it. Its slug alone is the original's, so
 * a suggestion of "2011-04" for "en/2011-04" would have sent the Japanese
 * issue to the English list. The longest route that ends the path wins:
 * "en/issues/2011-04/" over "issues/2011-04/".
 */
function pageAt(issues: readonly SiteIssue[], wanted: string): SiteIssue | undefined {
  if (!wanted.includes("/")) return undefined;
  const path = withoutOrigin(wanted.trim()).replace(/[?#].*$/s, "").replace(/\/index\.html$/i, "/");
  const segments = path.split("/").filter((segment) => segment !== "").map(safeDecode);
  const endsWith = (tail: readonly string[]) => tail.length > 0 && tail.length <= segments.length && tail.every((segment, i) => segments[segments.length - tail.length + i] === segment);
  let found: { entry: SiteIssue; length: number } | undefined;
  for (const entry of issues) {
    const route = entry.route.split("/").filter((segment) => segment !== "");
    const { folder, slug } = issueRouteParts(entry.route);
    // A translation's short form, its language and slug: "en/2011-04" (the original's would be its bare slug, found before).
    const short = folder === "" ? [] : [...folder.split("/").filter((segment) => segment !== ""), slug];
    const length = endsWith(route) ? route.length : endsWith(short) && segments.length === short.length ? short.length : 0;
    if (length > (found?.length ?? 0)) found = { entry, length };
  }
  return found?.entry;
}

/**
 * The issue left out for errors in its own text (a draft, a future one)
 * that `wanted` names, if any. Without this, asking for it said "no issue
 * 3", as if it were not there, where the author needs its errors. In the
 * language asked for (`lang`, else the site's): by number, or by the slug
 * its page would have; a translation also by its original's slug ("that
 * issue, in English"). Any of them by its file. Without --lang, a
 * translation also by a slug it sets itself, or as `en/<slug>` (its page's
 * address under its language), unless an issue of the site's language
 * answers to that name.
 */
export function heldIssue<T extends { issue: IssueMeta }>(held: readonly T[], wanted: string | undefined, lang: string | undefined, site: Site): T | undefined {
  if (wanted === undefined) return undefined;
  const known = [...allIssues(site), ...held];
  const original = originalsIn(known, site.lang);
  const names = (issue: IssueMeta): string[] => [String(issue.number), failedSlug(issue, known, site.lang), ...(issue.lang === site.lang ? [] : [original({ issue })?.issue.slug ?? String(issue.number)])];
  const asked = lang ?? site.lang;
  const same = held.find(({ issue }) => (issue.lang === asked && names(issue).includes(wanted)) || isFileOf(issue.file, wanted));
  if (same !== undefined || lang !== undefined || findIn(site.issues, wanted) !== undefined) return same;
  const [prefix, slug, ...more] = wanted.replace(/^\/+|\/+$/g, "").split("/");
  return held.find(({ issue }) => issue.lang !== site.lang && ((issue.slugGiven && issue.slug === wanted) || (more.length === 0 && prefix === issue.lang && slug === failedSlug(issue, known, site.lang))));
}

/** Whether `wanted`, a path as typed (tab completion, from the site or another folder), is `file`, an issue's. */
function isFileOf(file: string, wanted: string): boolean {
  const path = posix.normalize(wanted.replaceAll("\\", "/"));
  return path.endsWith(".md") && (file === path || path.endsWith(`/${file}`) || file.endsWith(`/${path}`));
}
