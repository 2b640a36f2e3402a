import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import { lineOfField, type ExistingIssue } from "./existing-issues.js";
import { numbersAgainstDates, type NumberedDate } from "../number-order.js";
import { monthSlug } from "../content/issue.js";

export interface NewIssuePlan {
  number: number;
  /** YYYY-MM */
  month: string;
  /** YYYY-MM-01 */
  date: string;
  /** Root-relative path of the file to create. */
  file: string;
  /** The newest issue dated after this one (an earlier --date): the numbers will not follow the dates. */
  later?: { number: number; date: string; file: string } | undefined;
  /**
   * Set when the month after the latest issue had passed, so this month was
   * taken instead: `latest` is the latest issue's month, `skipped` the month
   * after it, which --date gives back.
   */
  gap?: { latest: string; skipped: string } | undefined;
}

export type PlanResult = { ok: true; plan: NewIssuePlan } | { ok: false; messages: VFileMessage[] };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** "2011-12" → "2012-01". */
export function nextMonth(month: string): string {
  const [year = 0, mon = 0] = month.split("-").map(Number);
  return mon === 12 ? `${String(year + 1).padStart(4, "0")}-01` : `${String(year).padStart(4, "0")}-${String(mon + 1).padStart(2, "0")}`;
}

/**
 * The next issue: number max+1 over every file (drafts too), in the month
 * after the latest issue unless `month` is given (no issues yet, or the
 * month after the latest already past: this month, `today` being the day as
 * a build counts it, in the site's time zone).
 * Refuses a month an issue already covers, by date or by URL, unless `slug`
 * gives the new issue an address of its own (a second issue that month):
 * then it refuses an address another issue has, now or as an alias.
 */
export function planIssue(existing: readonly ExistingIssue[], options: { month?: string | undefined; slug?: string | undefined; today: string; siteLang?: string | undefined }): PlanResult {
  const numbers = existing.flatMap((e) => (e.number === undefined ? [] : [e.number]));
  // A translation (another lang) has its original's number and may be dated later: months are the originals'.
  const originals = existing.filter((e) => options.siteLang === undefined || e.lang === undefined || e.lang === options.siteLang);
  const months = originals.flatMap((e) => (e.date === undefined ? [] : [e.date.slice(0, 7)])).sort();
  const latest = months[months.length - 1];
  const current = options.today.slice(0, 7);
  const next = latest === undefined ? current : nextMonth(latest);
  // A series taken up again after a gap: the month after the latest, long past, was published at once, back-dated, and
  // listed among that year's issues with an old feed entry. Drafts and future-dated issues count as the latest all the same.
  const gap = options.month === undefined && latest !== undefined && next < current ? { latest, skipped: next } : undefined;
  const month = options.month ?? (gap === undefined ? next : current);
  const file = issueFile(month, options.slug);
  const taken = options.slug === undefined ? monthTaken(existing, originals, month, file) : slugTaken(existing, originals, options.slug, file);
  if (taken.length > 0) return { ok: false, messages: taken };
  const planned = { number: Math.max(0, ...numbers) + 1, date: `${month}-01` };
  return { ok: true, plan: { ...planned, month, file, later: newestAfter(originals, planned), gap } };
}

/**
 * Where gekkan new writes an issue: `YYYY/YYYY-MM.md`, or with a slug of its
 * own `YYYY/YYYY-MM_slug.md`. "_", not "-": "2011-05-rinji.md" sorts before
 * "2011-05.md" ("-" comes before "."), so a month's second issue was listed
 * above its first; "_" comes after "." in code-unit order (git, ls in the C
 * locale), and the build still reads the month from the name
 * (file-month-warnings.ts). A language's collation may list it first all
 * the same (Intl.Collator puts "_" before "."; glibc's en_US.UTF-8 passes
 * over punctuation): the README says so.
 */
export function issueFile(month: string, slug?: string): string {
  return `content/issues/${month.slice(0, 4)}/${month}${slug === undefined ? "" : `_${slug}`}.md`;
}

/** The files that keep `month` from another issue of its own: one covering it, or one at its file name. */
function monthTaken(existing: readonly ExistingIssue[], originals: readonly ExistingIssue[], month: string, file: string): VFileMessage[] {
  const taken = existing.filter((e) => (originals.includes(e) && (e.date?.startsWith(`${month}-`) || e.slug === month)) || e.file === file);
  return taken.map((e) => diagnostic(e.file, takenReason(e, month, originals.includes(e)), { line: lineOfField(e, "date"), column: 1 }, "new-month-taken"));
}

/**
 * The files that keep `slug` from the new issue: an original at that address
 * (its slug, or its month when it sets none: monthSlug), one keeping it as an
 * old address (aliases), or one at its file name. A translation's address is
 * under its language's folder (/en/issues/…), so it takes none of these.
 */
function slugTaken(existing: readonly ExistingIssue[], originals: readonly ExistingIssue[], slug: string, file: string): VFileMessage[] {
  return existing.flatMap((e) => {
    const own = originals.includes(e) ? e.slug ?? (e.date === undefined ? undefined : monthSlug(e.date)) : undefined;
    const why = own === slug
      ? `issue ${e.number ?? "?"} is at /issues/${slug}/ already${e.slug === undefined ? " (its month, as it sets no slug)" : ""}, and two issues cannot share an address`
      : originals.includes(e) && e.aliases.includes(slug)
        ? `issue ${e.number ?? "?"} keeps /issues/${slug}/ as an old address (aliases: [${slug}]), which readers and sent emails lead to`
        : e.file === file ? "this file already exists; gekkan new never overwrites" : undefined;
    if (why === undefined) return [];
    const line = lineOfField(e, ...(own === slug ? (["slug", "date"] as const) : e.file === file ? ([] as const) : (["aliases"] as const)));
    return [diagnostic(e.file, `${why} — choose another slug with --slug NAME`, { line, column: 1 }, "new-slug-taken")];
  });
}

/**
 * Why `month` cannot be started. A file that only bears the month's name (its
 * date is another month's) is not "an issue for" that month: saying so sent
 * the author to a file dated otherwise; its own month's name is the fix.
 */
function takenReason(e: ExistingIssue, month: string, original: boolean): string {
  const covers = original && (e.date?.startsWith(`${month}-`) === true || e.slug === month);
  if (covers || e.date === undefined) return `an issue for ${month} already exists here; gekkan new never overwrites — choose another month with --date YYYY-MM, or, for a second issue in ${month}, give it an address of its own with --slug NAME (e.g. --slug ${month}-special)`;
  const own = e.date.slice(0, 7);
  return `this file has the name gekkan new gives the ${month} issue, but it holds issue ${e.number ?? "?"} dated ${e.date}; gekkan new never overwrites — rename it ${own}.md (in content/issues/${own.slice(0, 4)}/), or choose another month with --date YYYY-MM`;
}

/** The newest of the issues the planned one would be numbered above but dated before. */
function newestAfter(issues: readonly ExistingIssue[], planned: NumberedDate): NewIssuePlan["later"] {
  const after = issues.filter((e) => e.date !== undefined && e.number !== undefined && numbersAgainstDates({ number: e.number, date: e.date }, planned));
  const newest = after.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""))[0];
  return newest === undefined ? undefined : { number: newest.number ?? 0, date: newest.date ?? "", file: newest.file };
}
