import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { buildTime } from "../build-time.js";
import { commonFlags, parseFlags, rootOf, UsageError, type Io, EXIT } from "../cli-support.js";
import { loadConfig } from "../config.js";
import { ContentError, diagnostic } from "../diagnostics.js";
import { createIssueRenderer } from "../content/render-issue.js";
import { BUILTIN_TEMPLATES, templateDirs } from "../render/template-dirs.js";
import { loadLocales } from "../render/locale.js";
import { readExistingIssues } from "../new/existing-issues.js";
import { isMonth, planIssue } from "../new/plan.js";
import { issueSkeleton, SKELETON_LANGS, type SkeletonLang } from "../content/skeleton.js";

export const newUsage = `gekkan new [--root DIR] [--date YYYY-MM] [--title T] [--lang ja|en]

  Creates the next issue as a draft and prints its path: the next free
  issue number, the month after the latest issue (or --date), and one
  example of each block (:::release, :::qa, :::stonith) to edit.
  Never overwrites an existing file or a month that already has an issue.
  --root DIR       site root (default: .)
  --date YYYY-MM   the issue's month (default: the month after the latest issue)
  --title T        the title (default: the month, e.g. 2011年5月号 or May 2011)
  --lang ja|en     the issue's language (default: the site's lang)`;

export async function newCommand(args: string[], io: Io): Promise<number> {
  const flags = parseFlags(args, { ...commonFlags, date: { type: "string" }, title: { type: "string" }, lang: { type: "string" } });
  if (flags.help) {
    io.out(newUsage);
    return EXIT.ok;
  }
  if (flags.date !== undefined && !isMonth(flags.date)) throw new UsageError(`--date must be a month written YYYY-MM, e.g. 2011-07; found ${JSON.stringify(flags.date)}`);
  if (flags.title !== undefined && flags.title.trim() === "") throw new UsageError("--title must not be empty");
  const root = rootOf(flags.root);
  const config = loadConfig(root);
  const lang = flags.lang ?? config.lang;
  if (!isSkeletonLang(lang)) throw new UsageError(`--lang must be one of ${SKELETON_LANGS.join(", ")}; found ${JSON.stringify(lang)}`);
  const dirs = templateDirs(root);
  const locales = loadLocales(dirs[0] === BUILTIN_TEMPLATES ? undefined : dirs[0]);
  const locale = locales.get(lang);
  if (!locale) throw new UsageError(`the site has no locale pack "${lang}"`);

  const planned = planIssue(await readExistingIssues(root, config.limits), { month: flags.date, today: buildTime() });
  if (!planned.ok) throw new ContentError(planned.messages);
  const { plan } = planned;
  const text = issueSkeleton({ number: plan.number, date: plan.date, title: flags.title ?? locale.issueLabel(plan.date), lang });

  // The skeleton must build as written; check before anything lands on disk.
  const render = createIssueRenderer({ components: config.components, languages: [...locales.keys()], defaultLang: config.lang, basePath: config.basePath, limits: config.limits });
  const result = render(plan.file, Buffer.from(text, "utf8"));
  if (!result.ok) throw new ContentError(result.messages);

  const target = join(root, plan.file);
  await mkdir(dirname(target), { recursive: true });
  try {
    // "wx": a file that appeared since the check is still never overwritten.
    await writeFile(target, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw new ContentError([diagnostic(plan.file, "this file already exists; gekkan new never overwrites — choose another month with --date YYYY-MM", { line: 1, column: 1 }, "new-file-exists")]);
  }
  io.out(plan.file);
  return EXIT.ok;
}

function isSkeletonLang(lang: string): lang is SkeletonLang {
  return (SKELETON_LANGS as readonly string[]).includes(lang);
}
