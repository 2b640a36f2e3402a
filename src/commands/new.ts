import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { buildTime, dayOf } from "../build-time.js";
import { parseFlags, siteRootOf, UsageError, type Io, EXIT } from "../cli-support.js";
import { loadConfig } from "../config.js";
import { nameFromHere, rootOption } from "../names-from-here.js";
import { ContentError, PlainError, diagnostic, formatDiagnostic } from "../diagnostics.js";
import { createIssueRenderer } from "../content/render-issue.js";
import { siteLocales } from "../render/locale.js";
import { readExistingIssues } from "../new/existing-issues.js";
import { isMonth, planIssue } from "../new/plan.js";
import { impossibleMonth, monthAsWritten } from "../calendar.js";
import { planTranslation } from "../new/translate.js";
import { unreadNumberWarnings } from "../new/unread-numbers.js";
import { untouchedDraft } from "../new/untouched-draft.js";
import { defaultTitle } from "../new/default-title.js";
import { issueSkeleton } from "../content/skeleton.js";
import { noLocalePack, suggestLanguage } from "../language-name.js";
import { slugProblem } from "../content/schema.js";
import { CONFIG_FILE } from "../config-file.js";

export const newUsage = `gekkan new [--root DIR] [--date YYYY-MM] [--slug NAME] [--title T] [--lang LANG]
gekkan new --translate ISSUE --lang LANG [--root DIR] [--title T]

  Creates the next issue as a draft: the next free issue number, the
  month after the latest issue (this month if that one is past; or
  --date), and one example of each block (:::release, :::qa, :::stonith)
  to edit.
  Never overwrites an existing file or a month that already has an issue.
  --root DIR       site root (default: .)
  --date YYYY-MM   the issue's month (default: the month after the latest
                   issue, or this month when that one is past)
  --slug NAME      an address of its own, /issues/NAME/, for a second issue
                   in a month that has one (a special issue): written as
                   slug: NAME, in YYYY-MM_NAME.md; lowercase letters, digits
                   and single hyphens
  --title T        the title (default: the month, e.g. 2011年5月号 or May 2011;
                   with --slug, the month and the slug: 2011年5月号 (NAME))
  --lang LANG      the issue's language code: the site's "lang" in
                   gekkan.config.json (the default); an issue in another
                   language is a translation (--translate)
  --translate ISSUE
                   start the LANG translation of issue ISSUE, given by its
                   number (1), its slug (sokan) or its month (2011-04: its
                   slug too unless it sets one): a copy of it beside it,
                   named <name>.LANG.md, with lang: LANG and draft: true,
                   to translate in place; LANG is any language with a
                   locale pack other than the site's: gekkan's (en, ja) or
                   the site's own (templates/locales/LANG.json)
  Prints the new file's path alone on standard output (for
  $EDITOR "$(gekkan new)"), then on standard error what to do next.`;

export async function newCommand(args: string[], io: Io): Promise<number> {
  const flags = parseFlags(args, "new");
  if (flags.help) {
    io.out(newUsage);
    return EXIT.ok;
  }
  if (flags.translate !== undefined) return newTranslation(flags, io);
  // 2011-13 has the shape: "must be written YYYY-MM" sent the author looking for a mistake in how it was typed.
  const impossible = flags.date === undefined ? undefined : impossibleMonth(flags.date);
  if (impossible !== undefined) throw new UsageError(`--date ${flags.date ?? ""}: ${impossible}; give the issue's month as YYYY-MM, e.g. --date 2011-07`);
  if (flags.date !== undefined && !isMonth(flags.date)) {
    const meant = monthAsWritten(flags.date);
    throw new UsageError(`--date must be a month written YYYY-MM, e.g. 2011-07; found ${JSON.stringify(flags.date)}${meant === undefined ? "" : ` — did you mean --date ${meant}?`}`);
  }
  if (flags.title !== undefined && flags.title.trim() === "") throw new UsageError("--title must not be empty");
  // The build's own rule for slug: a --slug it would refuse in the front matter is refused here, before any file is written.
  const slugRefused = flags.slug === undefined ? undefined : slugProblem(flags.slug);
  if (slugRefused !== undefined) throw new UsageError(`--slug ${JSON.stringify(flags.slug)}: ${slugRefused}`);
  const root = siteRootOf(flags.root, { emptyStarts: true });
  const config = loadConfig(root);
  const lang = flags.lang ?? config.lang;
  const locales = siteLocales(root);
  const locale = locales.get(lang);
  // A code with no pack (JA, fr) is named first: sending it on to --translate only met the same refusal there.
  // The config's lang always has one (it is checked as the config is read), so this is about --lang.
  if (!locale) throw new UsageError(`--lang ${lang}: ${noLocalePack(lang, [...locales.keys()])}`);
  if (lang !== config.lang) throw new UsageError(`a new issue is written in the site's language (${config.lang}); an issue in ${lang} is a translation of one: gekkan new --translate ISSUE --lang ${lang}`);

  const existing = await readExistingIssues(root, config.limits);
  const planned = planIssue(existing, { month: flags.date, slug: flags.slug, today: dayOf(buildTime(), config.timeZone), siteLang: config.lang });
  if (!planned.ok) throw new ContentError(planned.messages);
  const { plan } = planned;
  const text = issueSkeleton({ number: plan.number, date: plan.date, title: flags.title ?? defaultTitle(locale.issueLabel(plan.date), flags.slug), slug: flags.slug, lang });

  const renderer = createIssueRenderer({ components: config.components, languages: [...locales.keys()], defaultLang: config.lang, basePath: config.basePath, limits: config.limits });
  await writeNewIssue(root, plan.file, text, renderer, flags.slug === undefined ? "choose another month with --date YYYY-MM, or another address with --slug NAME" : "choose another slug with --slug NAME");
  // From where the author is, so `$EDITOR "$(gekkan new --root ../series)"` opens it.
  const named = (file: string) => nameFromHere(io.here, root, file);
  io.out(named(plan.file));
  noConfigNote(io, root);
  for (const message of unreadNumberWarnings(existing, plan.number)) io.err(formatDiagnostic(message));
  if (plan.later !== undefined) {
    const { later } = plan;
    io.err(`gekkan new: note: issue ${plan.number} is dated ${plan.date}, before issue ${later.number} (${named(later.file)}, ${later.date}), so the issue numbers will not follow the dates (gekkan build and gekkan check warn of it: issue-number-order); if this fills a gap on purpose, add ignoreWarnings: [issue-number-order] to its front matter; otherwise delete ${named(plan.file)} and run gekkan new without --date`);
  }
  if (plan.gap !== undefined) io.err(gapNote(plan.gap, plan.month, named(plan.file), `gekkan new${rootOption(io.here, root)}${flags.slug === undefined ? "" : ` --slug ${flags.slug}`}`));
  // --slug is a second issue started on purpose, not gekkan new run twice by mistake.
  const untouched = flags.slug === undefined ? untouchedDraft(existing, config.lang) : undefined;
  if (untouched !== undefined) io.err(`gekkan new: note: issue ${untouched.number ?? "?"} (${named(untouched.file)}) is still the draft gekkan new started, not written in yet; this made issue ${plan.number}, the next; if you meant to write issue ${untouched.number ?? "?"}, delete ${named(plan.file)} and open ${named(untouched.file)}`);
  nextStep(io, root, "write the issue in it, over the example text and blocks");
  return EXIT.ok;
}

/** `gekkan new --translate ISSUE --lang LANG`: the original's copy to translate, beside it. */
async function newTranslation(flags: { root?: string | undefined; lang?: string | undefined; translate?: string | undefined; title?: string | undefined; date?: string | undefined; slug?: string | undefined }, io: Io): Promise<number> {
  const root = siteRootOf(flags.root, { emptyStarts: true });
  const config = loadConfig(root);
  const locales = siteLocales(root);
  const others = [...locales.keys()].filter((code) => code !== config.lang);
  if (flags.date !== undefined) throw new UsageError("--translate takes the date of the issue it translates; leave out --date");
  // Taken without a word, it was dropped: the translation is at its original's address unless its own front matter sets a slug.
  if (flags.slug !== undefined) throw new UsageError("--translate puts the translation at its original's address (/LANG/issues/<its slug>/); leave out --slug, or set slug: in the translation's front matter afterwards");
  if (flags.lang === undefined) throw new UsageError(`--translate needs --lang, the language to translate into: one of ${others.join(", ")}`);
  // Given as the site's own: saying "--translate needs --lang" sent the author looking for a flag they had typed.
  if (flags.lang === config.lang) throw new UsageError(ownLanguageGiven(flags.lang, config.lang, others));
  if (!locales.has(flags.lang)) {
    // JA or japanese on a ja site is the site's own language, which has its pack: templates/locales/JA.json is no fix.
    if (suggestLanguage(flags.lang, [...locales.keys()]) === config.lang) throw new UsageError(ownLanguageGiven(flags.lang, config.lang, others));
    // Only the languages it can translate into are offered: the site's own is not one.
    throw new UsageError(`--lang ${flags.lang}: ${noLocalePack(flags.lang, others)}`);
  }
  if (flags.title !== undefined && flags.title.trim() === "") throw new UsageError("--title must not be empty");
  const languages = [...locales.keys()];
  const planned = planTranslation(await readExistingIssues(root, config.limits), { wanted: flags.translate ?? "", lang: flags.lang, siteLang: config.lang, languages, title: flags.title, today: dayOf(buildTime(), config.timeZone), monthTitles: (date) => ({ original: locales.get(config.lang)?.issueLabel(date) ?? "", translated: locales.get(flags.lang ?? "")?.issueLabel(date) ?? "" }) });
  if (!planned.ok) throw "problem" in planned ? new PlainError(planned.problem) : new ContentError(planned.messages);
  const renderer = createIssueRenderer({ components: config.components, languages, defaultLang: config.lang, basePath: config.basePath, limits: config.limits });
  // The copy's mistakes are the original's: reported at the translation's path they named a file that is not written, a line off.
  const original = renderer(planned.plan.original.file, Buffer.from(planned.plan.original.text, "utf8"));
  if (!original.ok) throw new ContentError(original.messages);
  await writeNewIssue(root, planned.plan.file, planned.plan.text, renderer, "edit the translation that is there");
  io.out(nameFromHere(io.here, root, planned.plan.file));
  noConfigNote(io, root);
  // A translation comes out only with its original: removing its own draft: true showed nothing while the original was a draft.
  const held = planned.plan.original.draft ? `; it comes out once its original is published too (${nameFromHere(io.here, root, planned.plan.original.file)} is a draft still)` : "";
  nextStep(io, root, "translate it in place, keeping the blocks' attributes", held);
  return EXIT.ok;
}

/**
 * Why the issue is this month's, not the month after the latest: an author
 * coming back after a gap expects this month's, but one who is catching up
 * on the month they missed wants that one, which --date still makes.
 */
function gapNote(gap: { latest: string; skipped: string }, month: string, file: string, command: string): string {
  return `gekkan new: note: the latest issue is for ${gap.latest}, and ${gap.skipped} is past, so this issue is for ${month}, this month (an issue for a past month is published at once, dated back); if it is the issue for ${gap.skipped} you meant to write, delete ${file} and run ${command} --date ${gap.skipped}`;
}

/**
 * What the author does with the draft, said last. The path alone left a
 * first-time author to find out that the file stays unpublished until
 * draft: true goes. On standard error: standard output is the path alone,
 * for `$EDITOR "$(gekkan new)"`. One wording for an issue and a translation
 * but for what is written in it, and `held`, what else its publishing waits for.
 */
function nextStep(io: Io, root: string, write: string, held = ""): void {
  io.err(`next: ${write}, then remove draft: true to publish it${held}; gekkan dev${rootOption(io.here, root)} shows it as you write`);
}

/**
 * A site with no gekkan.config.json (an empty folder, or issues alone) gets
 * gekkan's defaults, without an address: only the build said so, after the
 * author had written an issue, and none of it pointed to gekkan init. Said,
 * not refused: the README's flow lets gekkan new start a site in an empty
 * folder, and a site without a config builds.
 */
function noConfigNote(io: Io, root: string): void {
  if (existsSync(join(root, CONFIG_FILE))) return;
  const folder = root === io.here ? "this folder" : `the site folder ${JSON.stringify(nameFromHere(io.here, root, "."))}`;
  io.err(`gekkan new: note: ${folder} has no ${CONFIG_FILE}, so gekkan's defaults apply (no title or address of its own); gekkan init${rootOption(io.here, root)} starts a series here with one, keeping the issues that are there`);
}

/** `--translate --lang` naming the site's language, however typed: the original is in it, so a translation cannot be. */
function ownLanguageGiven(given: string, siteLang: string, others: readonly string[]): string {
  const named = given === siteLang ? `--lang ${given} is` : `--lang ${given} is ${siteLang},`;
  return `${named} the site's own language, the original's; --translate needs the language to translate into: one of ${others.join(", ")}`;
}

/** Checks that `text` builds as written, then creates `file`, never replacing one. */
async function writeNewIssue(root: string, file: string, text: string, render: ReturnType<typeof createIssueRenderer>, instead: string): Promise<void> {
  const result = render(file, Buffer.from(text, "utf8"));
  if (!result.ok) throw new ContentError(result.messages);
  const target = join(root, file);
  await mkdir(dirname(target), { recursive: true });
  try {
    // "wx": a file that appeared since the check is still never overwritten.
    await writeFile(target, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw new ContentError([diagnostic(file, `this file already exists; gekkan new never overwrites — ${instead}`, { line: 1, column: 1 }, "new-file-exists")]);
  }
}
