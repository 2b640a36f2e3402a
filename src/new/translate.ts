import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import { monthSlug } from "../content/issue.js";
import { nameLanguage } from "../content/language-suffix.js";
import { lineOfField, type ExistingIssue } from "./existing-issues.js";
import { namedIssues, numberInWords } from "../issue-names.js";
import { didYouMean } from "../suggest.js";
import { defaultTitle } from "./default-title.js";

export interface TranslationPlan {
  /** Root-relative path of the file to create: the original's name with `.<lang>.md`. */
  file: string;
  text: string;
  /** The original it is copied from: a mistake the copy has is the original's, fixed there. */
  original: { file: string; text: string; draft: boolean };
}

export type TranslationResult = { ok: true; plan: TranslationPlan } | { ok: false; messages: VFileMessage[] } | { ok: false; problem: string };

export interface TranslationRequest {
  /** The issue to translate: its number, slug or month. */
  wanted: string;
  lang: string;
  siteLang: string;
  /** Languages with a locale pack: a name suffix that is one of them is replaced, not stacked. */
  languages: readonly string[];
  title?: string | undefined;
  /** Today as YYYY-MM-DD (SOURCE_DATE_EPOCH or the clock): the date of a translation of a corrected original. */
  today: string;
  /** The title gekkan new gives an issue of a month (locale issueLabel), in the site's language and in `lang`. */
  monthTitles?: ((date: string) => { original: string; translated: string }) | undefined;
}

/**
 * A translation of an existing issue, to start from: the original's file,
 * named `<name>.<lang>.md` beside it, with `lang` set and `draft: true`.
 * Its text is the original's, to translate in place, so the blocks keep
 * the attributes that pair them with the original's (see block-match.ts).
 * Refuses an issue that already has a translation into `lang`.
 */
export function planTranslation(existing: readonly ExistingIssue[], request: TranslationRequest): TranslationResult {
  const langOf = (e: ExistingIssue) => e.lang ?? request.siteLang;
  const originals = existing.filter((e) => langOf(e) === request.siteLang && e.number !== undefined);
  // Its month names an issue that set a slug later too (the address it was published at, which the author remembers), unless another issue has that slug.
  const monthOf = (e: ExistingIssue) => (e.date === undefined ? undefined : monthSlug(e.date));
  const addressOf = (e: ExistingIssue) => e.slug ?? monthOf(e);
  const original = originals.find((e) => String(e.number) === request.wanted || addressOf(e) === request.wanted)
    ?? originals.find((e) => e.slug !== undefined && monthOf(e) === request.wanted);
  if (original === undefined) {
    // "１" or "第1号", as the issue is printed: the number to give, not the list to search.
    const number = numberInWords(request.wanted);
    if (number !== undefined && originals.some((e) => String(e.number) === number)) {
      return { ok: false, problem: `no issue ${JSON.stringify(request.wanted)} in ${request.siteLang} to translate: an issue is given by its number alone: gekkan new --translate ${number} --lang ${request.lang}` };
    }
    const known = namedIssues([...originals].sort((a, b) => (a.number ?? 0) - (b.number ?? 0)).map((e) => `${e.number} (${e.file})`));
    const hint = didYouMean(request.wanted, originals.map((e) => addressOf(e) ?? ""));
    return { ok: false, problem: `no issue ${JSON.stringify(request.wanted)} in ${request.siteLang} to translate: give its number, slug or month (YYYY-MM)${known === "" ? "" : `; the site has ${known}`}${hint}` };
  }
  const taken = existing.filter((e) => e.number === original.number && langOf(e) === request.lang);
  if (taken.length > 0) {
    return { ok: false, messages: taken.map((e) => diagnostic(e.file, `issue ${original.number} already has a translation into ${request.lang} here; gekkan new never overwrites`, { line: lineOfField(e, "lang", "issue"), column: 1 }, "new-translation-exists")) };
  }
  if (!/^---\r?\n[\s\S]*?\r?\n---\r?(\n|$)/.test(original.text)) return { ok: false, problem: `${original.file}: its front matter cannot be read; fix it (gekkan check says how) before translating it` };
  const named = nameLanguage(original.file, request.languages);
  const stem = original.file.slice(0, -(named === undefined ? ".md".length : `.${named}.md`.length));
  return { ok: true, plan: { file: `${stem}.${request.lang}.md`, text: translationText(original.text, request, original), original: { file: original.file, text: original.text, draft: original.draft } } };
}

/**
 * The original's text with `lang`, `draft: true` (and a new title) in its
 * front matter; the rest as it is, but for its `slug` and `aliases`
 * (withoutAddress) and the original's `updated`: the day
 * the original was corrected is no day of the translation, which is new.
 * A translation made from a corrected original is dated today, not with the
 * original's date: it translates the corrected text, and dated before the
 * correction it would be taken for one made before it (a
 * translation-outdated warning, outdated-translations.ts) once published.
 */
function translationText(text: string, request: TranslationRequest, original: ExistingIssue): string {
  const originalDate = original.date;
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const end = lines.indexOf("---", 1);
  const corrected = lines.slice(1, end).map((line) => /^updated\s*:\s*["']?(\d{4}-\d{2}-\d{2})["']?\s*$/.exec(line)?.[1]).find((day) => day !== undefined);
  const front = withoutAddress(lines.slice(1, end).filter((line) => !/^updated\s*:/.test(line)));
  const set = (key: string, value: string, after: string) => {
    const at = front.findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
    if (at >= 0) front[at] = `${key}: ${value}`;
    else front.splice(front.findIndex((line) => new RegExp(`^${after}\\s*:`).test(line)) + 1, 0, `${key}: ${value}`);
  };
  const title = request.title ?? monthTitle(front, request, original);
  if (title !== undefined) set("title", JSON.stringify(title), "---");
  set("lang", request.lang, "issue");
  set("draft", "true", "lang");
  if (corrected !== undefined && originalDate !== undefined && corrected > originalDate && request.today > originalDate) set("date", request.today, "issue");
  return [lines[0], ...front, ...lines.slice(end)].join("\n");
}

/**
 * The front matter without the original's `slug` and `aliases` (a block
 * list's items with it): a translation that sets none takes its original's
 * address and old addresses (site/collect.ts), and so follows when the
 * original's slug is changed later, with the alias that keeps the old one.
 * Copied, they were the translation's own: it stayed at the old slug, its
 * edition at another address than the original's, and kept an alias page for
 * an address its edition never had.
 */
function withoutAddress(front: readonly string[]): string[] {
  const kept: string[] = [];
  let inList = false;
  for (const line of front) {
    if (inList && /^(\s+|-\s|-$)/.test(line)) continue;
    inList = /^aliases\s*:\s*(#.*)?$/.test(line);
    if (!/^(slug|aliases)\s*:/.test(line)) kept.push(line);
  }
  return kept;
}

/**
 * The translation's title when the original's is still the one gekkan new
 * gave it, its month in the site's language ("2011年5月号", or with its slug
 * "2011年5月号 (rinji)"): that month in the translation's language ("May
 * 2011", "May 2011 (rinji)"), as gekkan new would title it. A
 * copy kept the Japanese, which the English edition's lists, feeds and
 * email subject showed (an untranslated-field warning once published). A
 * title of the author's own is theirs to translate.
 */
function monthTitle(front: readonly string[], request: TranslationRequest, original: ExistingIssue): string | undefined {
  if (request.monthTitles === undefined || original.date === undefined) return undefined;
  const titles = request.monthTitles(original.date);
  const written = front.map((line) => /^title\s*:\s*(.*?)\s*$/.exec(line)?.[1]).find((value) => value !== undefined);
  const unquoted = written?.replace(/^"(.*)"$|^'(.*)'$/, "$1$2");
  if (unquoted === titles.original) return titles.translated;
  // A month's second issue, titled with its slug as well (default-title.ts).
  const slugged = original.slug === undefined ? undefined : defaultTitle(titles.original, original.slug);
  return slugged !== undefined && unquoted === slugged ? defaultTitle(titles.translated, original.slug) : undefined;
}
