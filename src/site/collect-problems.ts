import { basename } from "node:path";
import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import type { IssueMeta, RenderedIssue } from "../content/render-issue.js";
import type { RenderedBody } from "../markdown/rendered.js";
import { groupBy } from "../group-by.js";
import { namedOriginalsIn, originalsIn } from "./originals.js";
import { sameBodyHtml } from "../content/body-html.js";
import { issueRouteParts } from "./urls.js";
import { namedOriginalFile } from "../content/language-suffix.js";

/** An issue as the checks across files read it: only its front matter (a rendered issue, or one whose body failed). */
export type Known = { issue: IssueMeta };

/** Where an issue's number is written. */
const at = (r: Known) => `${r.issue.file}:${r.issue.numberLine}`;

/** Issues grouped by `key`, each group in file-name order; only groups of two or more. */
function groups(rendered: readonly Known[], key: (r: Known) => string): Known[][] {
  const byFile = [...rendered].sort((a, b) => (a.issue.file < b.issue.file ? -1 : 1));
  return [...groupBy(byFile, key).values()].filter((group) => group.length > 1);
}

/**
 * Two issues with one number in one language, each reported at its
 * `issue:` line naming the others. Another language with the same number is
 * a translation, not a duplicate.
 */
export function duplicateNumbers(rendered: readonly Known[], siteLang: string): VFileMessage[] {
  return groups(rendered, (r) => `${r.issue.number}\0${r.issue.lang}`).flatMap((group) =>
    group.map((r) => {
      const others = group.filter((o) => o !== r).map(at).join(", ");
      const reason = r.issue.lang === siteLang
        ? `duplicate issue number ${r.issue.number}: also used by ${others}; give each issue its own number (a translation shares its original's number but has its own lang)`
        : `issue ${r.issue.number} has more than one ${r.issue.lang} translation: this one and ${others}; keep one of them, or correct the number or lang`;
      return diagnostic(r.issue.file, reason, { line: r.issue.numberLine, column: 1 }, "duplicate-issue");
    }),
  );
}

/**
 * A translation (an issue in another language than the site's) whose number no issue in the site's language has.
 * Not one named for a file whose front matter could not be read (`unread`): that file's own error is the one to fix, and it may well be the original.
 */
export function orphanTranslations(rendered: readonly Known[], siteLang: string, unread: readonly string[] = []): VFileMessage[] {
  const originalOf = originalsIn(rendered, siteLang);
  const unreadable = new Set(unread);
  return rendered
    .filter((r) => r.issue.lang !== siteLang && originalOf(r) === undefined && !unreadable.has(namedOriginalFile(r.issue.file, r.issue.lang) ?? ""))
    .map((r) => {
      const reason = `lang: ${r.issue.lang} makes this a translation of issue ${r.issue.number}, but no issue ${r.issue.number} is in the site's language (${siteLang}) for it to translate; write that original first, or give this file the number of the issue it translates`;
      return diagnostic(r.issue.file, reason, { line: r.issue.numberLine, column: 1 }, "translation-without-original");
    });
}

/**
 * A translation named for one original (2011-04.en.md beside 2011-04.md,
 * issue 1) that gives another's number (issue: 2, a slip in copying): it
 * would be published as the other issue's translation, at its address, the
 * two named each other's versions, and the issue it was written for left
 * with none. Reported at its `issue:` line; the checks that take the number
 * at its word (no original, dated before it) would send the author after
 * the wrong fix, so collect.ts leaves these files out of them.
 */
export function translationNumberSlips(known: readonly Known[], siteLang: string): Map<Known, VFileMessage> {
  const namedOriginal = namedOriginalsIn(known, siteLang);
  const originalOf = originalsIn(known, siteLang);
  const slips = new Map<Known, VFileMessage>();
  for (const r of known) {
    const named = namedOriginal(r.issue.file, r.issue.lang);
    if (named === undefined || named.issue.number === r.issue.number) continue;
    const numbered = originalOf(r);
    const which = numbered === undefined ? `which no issue in ${siteLang} has` : `which is ${numbered.issue.file}`;
    const rename = numbered === undefined ? "" : `, or, if it translates that issue, rename it ${basename(numbered.issue.file, ".md")}.${r.issue.lang}.md`;
    const reason = `this file is named for the ${r.issue.lang} translation of ${named.issue.file}, issue ${named.issue.number}, but says issue: ${r.issue.number}, ${which}; write issue: ${named.issue.number}${rename}`;
    slips.set(r, diagnostic(r.issue.file, reason, { line: r.issue.numberLine, column: 1 }, "translation-number"));
  }
  return slips;
}

/**
 * An `updated` day after today: a correction is dated the day it is made,
 * so a later day is a slip (the year, the month) that feeds and the sitemap
 * would carry as a day still to come. A scheduled issue (dated after today)
 * may be dated updated on its own date, as nothing can be corrected before
 * it comes out; then its daily build on that day still passes.
 */
export function updatedAfterToday(known: readonly Known[], today: string): VFileMessage[] {
  return known.flatMap(({ issue }) => {
    if (issue.updated === undefined || issue.updated <= today || issue.updated === issue.date) return [];
    const fix = issue.date > today
      ? `this issue comes out on ${issue.date} and cannot have been corrected before then: remove updated`
      : `write the day the correction was made, from ${issue.date} to ${today}`;
    const reason = `updated: ${issue.updated} is after today (${today}); updated is the day of the issue's last correction, so ${fix}`;
    return [diagnostic(issue.file, reason, { line: issue.updatedLine ?? issue.dateLine, column: 1 }, "updated-after-today")];
  });
}

/**
 * A translation dated before its original: it can only come out with the
 * original (collect.ts publishes it only while the original is), so its
 * date would be one no reader saw it on, and feeds would file it below
 * issues that came out before it. Almost always a slip in the date.
 */
export function translationsBeforeOriginals(known: readonly Known[], siteLang: string): VFileMessage[] {
  const originalOf = originalsIn(known, siteLang);
  return known.flatMap((r) => {
    const original = r.issue.lang === siteLang ? undefined : originalOf(r);
    if (original === undefined || r.issue.date >= original.issue.date) return [];
    const reason = `this ${r.issue.lang} translation is dated ${r.issue.date}, before its original (${original.issue.file}:${original.issue.dateLine}, ${original.issue.date}), but it comes out only with the original: date it ${original.issue.date} or later`;
    return [diagnostic(r.issue.file, reason, { line: r.issue.dateLine, column: 1 }, "translation-before-original")];
  });
}

/**
 * A translation about to be published whose text is still its original's,
 * word for word: `gekkan new --translate` starts it as a copy (a draft), and
 * removing `draft: true` before translating would publish the original's
 * language as another edition, under that edition's `lang`. Nothing an
 * author means; a translation in progress keeps `draft: true`.
 */
export function untranslatedCopies(rendered: readonly RenderedIssue[], siteLang: string): VFileMessage[] {
  const originalOf = originalsIn(rendered, siteLang);
  return rendered.flatMap((r) => {
    const original = r.issue.lang === siteLang || r.issue.draft ? undefined : originalOf(r);
    // Different HTML is different text (textOf starts with it): the cheap test first, before decoding a stored body or serialising the blocks.
    if (original === undefined || !sameBodyHtml(r.body, original.body) || r.body.html.trim() === "" || textOf(r.body) !== textOf(original.body)) return [];
    const reason = `this ${r.issue.lang} translation's text is still its original's word for word (${original.issue.file}), as gekkan new --translate copied it; translate it before publishing, or keep draft: true until it is`;
    return [diagnostic(r.issue.file, reason, { line: r.issue.bodyLine, column: 1 }, "untranslated-copy")];
  });
}

/** A body's text and blocks, without where they stand in the file (a translation's front matter has a line more). */
function textOf(body: RenderedBody): string {
  return JSON.stringify([body.html, body.blocks.map(({ line: _line, column: _column, ...block }) => block)]);
}

/**
 * Two issues with the same `key` (a page URL): each reported at `line`,
 * naming the others, unless each of them is only the same issue number in
 * the same language, reported already (duplicateNumbers).
 */
export function duplicates(rendered: readonly Known[], key: (r: Known) => string, what: string, line: (r: Known) => number, fix: (r: Known) => string): VFileMessage[] {
  const sameNumber = (a: Known, b: Known) => a.issue.number === b.issue.number && a.issue.lang === b.issue.lang;
  return groups(rendered, key).flatMap((group) =>
    group.flatMap((r) => {
      const others = group.filter((o) => o !== r);
      if (others.every((o) => sameNumber(r, o))) return [];
      return [diagnostic(r.issue.file, `duplicate ${what} ${JSON.stringify(key(r))}: also used by ${others.map((o) => `${o.issue.file}:${line(o)}`).join(", ")}; ${fix(r)}`, { line: line(r), column: 1 }, "duplicate-issue")];
    }),
  );
}

/**
 * An old address (front matter `aliases`, as written in the file) must lead
 * to one issue only, and never stand in the way of a page: an alias that is
 * some issue's address now (its own included) or another issue's alias is
 * an error at the `aliases:` line, naming the other file.
 */
export function aliasClashes(known: readonly Known[], routeOf: (r: Known) => string, ownAliasesOf: (r: Known) => string[]): VFileMessage[] {
  const pages = new Map(known.map((r) => [routeOf(r), r]));
  const claimed = new Map<string, Known>();
  const byFile = [...known].sort((a, b) => (a.issue.file < b.issue.file ? -1 : 1));
  return byFile.flatMap((r) =>
    // An alias listed twice (copied with the line) is one mistake, said once.
    [...new Set(ownAliasesOf(r))].flatMap((route) => {
      const { slug } = issueRouteParts(route);
      const page = pages.get(route);
      const earlier = claimed.get(route);
      if (earlier === undefined) claimed.set(route, r);
      const reason = page === r
        ? `aliases: "${slug}" is this issue's own address; aliases list only the slugs it had before, so remove "${slug}" from them`
        : page !== undefined
          ? `aliases: "${slug}" is the address of another issue now (${page.issue.file}:${page.issue.slugLine}), so it cannot lead here too; remove it from aliases, or give that issue another slug`
          : earlier !== undefined && earlier !== r
            ? `aliases: "${slug}" is also an alias of ${earlier.issue.file}:${earlier.issue.aliasesLine}; an old address can lead to one issue only, so keep it in one of them`
            : undefined;
      return reason === undefined ? [] : [diagnostic(r.issue.file, reason, { line: r.issue.aliasesLine, column: 1 }, "duplicate-issue")];
    }),
  );
}
