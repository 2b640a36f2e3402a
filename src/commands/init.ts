import { appendFileSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { makeFolder } from "../make-folder.js";
import { machineError } from "../write/fs-errors.js";
import { parseCommandLine, rootOf, UsageError, type Io, EXIT } from "../cli-support.js";
import { CONFIG_FILE, loadConfig } from "../config.js";
import { PlainError } from "../diagnostics.js";
import { loadLocales } from "../render/locale.js";
import { nameFromHere, rootOption } from "../names-from-here.js";
import { noLocalePack } from "../language-name.js";
import { timeZoneProblem } from "../build-time.js";
import { zoneSpelling } from "../time-zone-name.js";
import { JAPANESE_COMMA } from "../author-names.js";
import { mayBeSeveralNames } from "../name-suffix.js";
import { gekkanSource, workTreeRoot } from "../init/gekkan-source.js";
import { PAGES_WORKFLOW, pagesWorkflow } from "../init/pages-workflow.js";
import { realPath } from "../write/real-path.js";

export const initUsage = `gekkan init [DIR | --root DIR] [--title T] [--url URL] [--lang ja|en] [--time-zone ZONE] [--author NAME]... [--no-workflow]

  Starts a series in DIR (default: the current folder; created if it does
  not exist): a gekkan.config.json with the settings given, an empty
  content/issues/ and public/, and a .gitignore for the builds (dist,
  .dist-gekkan/) and the cache (.gekkan/), or the entries a .gitignore lacks;
  and .github/workflows/pages.yml, which publishes the series to GitHub
  Pages on every push to main and daily (gekkan's own workflow, checking
  out this gekkan's GitHub repository at its commit).
  Never replaces a file or writes through a link: a folder that already has
  a gekkan.config.json is refused. Then start issue 1 with gekkan new.
  --title T        the newsletter's name (default: the folder's name)
  --url URL        where the site will be published, e.g. https://user.github.io/repo/
                   (feeds, the sitemap and canonical links need it)
  --lang ja|en     the language of the issues (default: ja)
  --time-zone ZONE the time zone an issue's date is a day in, e.g. Asia/Tokyo:
                   it is published from 00:00 there (default: UTC)
  --author NAME    an author, for the feeds; repeat it for each
  --no-workflow    write no GitHub Pages workflow (the series is published elsewhere)`;

/** `gekkan init`: the files a new series starts from, checked by the rules every command reads them with. */
export async function initCommand(args: string[], io: Io): Promise<number> {
  const { values: flags, positionals } = parseCommandLine(args, "init", true);
  if (flags.help) {
    io.out(initUsage);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError(`give one folder, found ${positionals.length}: ${positionals.join(" ")}`);
  if (positionals[0] !== undefined && flags.root !== undefined) throw new UsageError("give the folder once: gekkan init DIR, or gekkan init --root DIR");
  const settings = initialSettings(flags);
  const given = positionals[0] ?? flags.root;
  // Before any folder is made: the address is checked as --url is everywhere; the rest by loading the file written.
  if (settings.url !== undefined) loadConfig(resolve(given ?? "."), { url: settings.url });
  const root = siteFolder(given);
  const name = (file: string) => nameFromHere(io.here, root, file);
  if (there(join(root, CONFIG_FILE))) throw new PlainError(`${name(CONFIG_FILE)} already exists, so this folder is a site already; edit that file, or give gekkan init another folder`);
  const config = { title: settings.title ?? defaultTitle(root), description: "", ...(settings.url === undefined ? {} : { url: settings.url }), lang: settings.lang, ...(settings.timeZone === undefined ? {} : { timeZone: settings.timeZone }), authors: settings.authors };
  const made = writeSeries(root, `${JSON.stringify(config, null, 2)}\n`);
  const workflow = flags["no-workflow"] === true ? undefined : writePagesWorkflow(root);
  if (Array.isArray(workflow)) made.push(workflow);
  loadConfig(root);
  io.out(`gekkan init: started a series in ${name(".") === "." ? "this folder" : name(".")}:`);
  for (const [file, note] of made) io.out(`  ${name(file)}${note === undefined ? "" : ` (${note})`}`);
  if (typeof workflow === "string") io.out(workflow);
  if (settings.url === undefined) io.out(`before publishing, add the site's address to ${name(CONFIG_FILE)}: "url": "https://…/" (feeds, the sitemap and canonical links need it)`);
  // "Smith, Jr." is one person by any reading: a note on it would be noise.
  for (const author of settings.authors.filter((name) => name.includes(",") && mayBeSeveralNames(name))) io.out(`--author "${author}" is kept as one author, as a name such as "Smith, Jr." is written; if it is two, give --author for each: ${repeated(author, /,/)}`);
  io.out(`next: gekkan new${rootOption(io.here, root)} starts issue 1`);
  return EXIT.ok;
}

interface Settings {
  title: string | undefined;
  url: string | undefined;
  lang: string;
  timeZone: string | undefined;
  authors: string[];
}

function initialSettings(flags: { title?: string | undefined; url?: string | undefined; lang?: string | undefined; author?: string[] | undefined; "time-zone"?: string | undefined }): Settings {
  if (flags.title !== undefined && flags.title.trim() === "") throw new UsageError("--title must not be empty");
  const authors = (flags.author ?? []).map((author) => author.trim());
  if (authors.includes("")) throw new UsageError("--author must not be empty");
  const joined = authors.find((author) => JAPANESE_COMMA.test(author));
  if (joined !== undefined) throw new UsageError(`--author ${joined}: one --author is one author, and the feeds would name one called "${joined}"; give --author for each: ${repeated(joined, JAPANESE_COMMA)}`);
  const lang = flags.lang ?? "ja";
  const languages = [...loadLocales(undefined).keys()];
  if (!languages.includes(lang)) throw new UsageError(`--lang ${lang}: ${noLocalePack(lang, languages)}`);
  const timeZone = flags["time-zone"];
  // Checked before any folder is made, by the rule the config's timeZone is read with.
  const zoneProblem = timeZone === undefined ? undefined : timeZoneProblem(timeZone);
  if (zoneProblem !== undefined) throw new UsageError(`--time-zone ${timeZone}: ${zoneProblem}`);
  return { title: flags.title?.trim(), url: flags.url, lang, timeZone: timeZone === undefined ? undefined : zoneSpelling(timeZone), authors };
}

/** `--author A --author B` for the names `joined` holds, parted at `comma`: the way init takes several. */
function repeated(joined: string, comma: RegExp): string {
  return joined.split(comma).map((name) => name.trim()).filter((name) => name !== "").map((name) => `--author ${shellWord(name)}`).join(" ");
}

/** `name` as one word to a POSIX shell: bare when nothing in it is special there, else in single quotes. */
function shellWord(name: string): string {
  return /^[^\s"'$`\\;&|<>()*?!#~[\]{}]+$/.test(name) ? name : `'${name.replaceAll("'", "'\\''")}'`;
}

/** The series' folder, made if it is missing (and removed again when gekkan refuses it: inside another site). */
function siteFolder(given: string | undefined): string {
  const target = resolve(given ?? ".");
  const created = there(target) ? undefined : madeFolder(target);
  try {
    return rootOf(target);
  } catch (error) {
    if (created !== undefined) rmSync(created, { recursive: true, force: true });
    throw error;
  }
}

/** The folder made, as makeFolder does; the machine's refusal (permission, /proc) in words, not as a bug. */
function madeFolder(target: string): string | undefined {
  try {
    return makeFolder(target);
  } catch (error) {
    throw machineError(error, "create the folder", target, "");
  }
}

/**
 * The GitHub Pages workflow (pages-workflow.ts), written beside the series
 * unless one is there. Without it, a series started here had no way to be
 * published on every merge to main. Not written where it could not run,
 * and then the reason instead: GitHub reads workflows only at a
 * repository's root, and the workflow must be able to fetch this gekkan.
 */
function writePagesWorkflow(root: string): [string, string?] | string | undefined {
  const file = join(root, PAGES_WORKFLOW);
  if (there(file)) return undefined;
  const skipped = (why: string) => `no GitHub Pages workflow written: ${why}; to publish elsewhere, see "Publishing" in gekkan's README (--no-workflow says nothing of it)`;
  const repository = workTreeRoot(root);
  if (repository !== undefined && realPath(repository) !== realPath(root)) return skipped(`this folder is inside the git repository at ${repository}, and GitHub runs only the workflows in the .github/workflows/ of a repository's root`);
  const folders = [".github", ".github/workflows"].map((folder) => join(root, folder));
  if (folders.some((folder) => there(folder) && !lstatSync(folder).isDirectory())) return skipped(".github/ or .github/workflows/ is there and is not a folder (init writes through no link)");
  const source = gekkanSource();
  if ("missing" in source) return skipped(source.missing);
  const text = pagesWorkflow(source);
  mkdirSync(join(root, ".github", "workflows"), { recursive: true });
  writeFileSync(file, text, { flag: "wx" });
  return [PAGES_WORKFLOW, `publishes to GitHub Pages with gekkan ${source.commit.slice(0, 12)} from ${source.repository}`];
}

/** Whether anything stands at `path`, a link to nowhere included: init writes nothing through a link, and never where something is. */
function there(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

function defaultTitle(root: string): string {
  return basename(root) || "gekkan";
}

/** Writes what a series starts from, never over a file that is there; the names written, from the site root, each with what was done to it when it was there already. */
function writeSeries(root: string, config: string): Array<[string, string?]> {
  const made: Array<[string, string?]> = [];
  writeFileSync(join(root, CONFIG_FILE), config, { flag: "wx" });
  made.push([CONFIG_FILE]);
  for (const folder of ["content/issues", "public"]) {
    if (there(join(root, folder))) continue;
    mkdirSync(join(root, folder), { recursive: true });
    made.push([`${folder}/`]);
  }
  const ignored = ignoreBuilds(join(root, ".gitignore"));
  if (ignored !== undefined) made.push(ignored);
  return made;
}

/**
 * What git must not take in: `dist` is a link to the current build (a `dist/`
 * pattern matches folders only, so it would let the link through), the builds
 * are in `.dist-gekkan/`, the cache in `.gekkan/`. Each entry with the forms
 * that already cover it.
 */
const IGNORED: ReadonlyArray<{ line: string; covered: readonly string[] }> = [
  { line: "/dist", covered: ["/dist", "dist"] },
  { line: "/.dist-gekkan/", covered: ["/.dist-gekkan/", ".dist-gekkan/", "/.dist-gekkan", ".dist-gekkan"] },
  { line: "/.gekkan/", covered: ["/.gekkan/", ".gekkan/", "/.gekkan", ".gekkan"] },
];

/**
 * A .gitignore made, or a regular one completed with the entries it lacks
 * (a site is often started in a repository that has one); a link is left
 * alone, as init writes through none. The entry init lists, if it did anything.
 */
function ignoreBuilds(file: string): [string, string?] | undefined {
  const header = "# gekkan's output and cache: made again by every build\n";
  const stat = lstatSync(file, { throwIfNoEntry: false });
  if (stat === undefined) {
    writeFileSync(file, `${header}${IGNORED.map((entry) => `${entry.line}\n`).join("")}`, { flag: "wx" });
    return [".gitignore"];
  }
  if (!stat.isFile()) return undefined;
  const text = readFileSync(file, "utf8");
  const present = new Set(text.split(/\r?\n/).map((line) => line.trim()));
  const missing = IGNORED.filter((entry) => !entry.covered.some((form) => present.has(form))).map((entry) => entry.line);
  if (missing.length === 0) return undefined;
  appendFileSync(file, `${text === "" || text.endsWith("\n") ? "" : "\n"}${header}${missing.map((line) => `${line}\n`).join("")}`);
  return [".gitignore", `added ${missing.join(", ")}`];
}
