import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import type { VFileMessage } from "vfile-message";
import { ContentError, diagnostic, siteFile, warning } from "../diagnostics.js";
import { copiedPackWarning } from "./locale-language.js";
import { placeOfPath } from "../content/yaml-place.js";
import { reportSchemaIssues } from "../schema-report.js";
import { RELEASE_STATUSES } from "../blocks/types.js";
import { packageRoot } from "../package-root.js";
import { isRecord, wellFormed } from "../well-formed.js";
import { jsonSyntaxProblems } from "../json-syntax.js";
import { readUtf8File } from "../text-encoding.js";
import { BUILTIN_TEMPLATES, templateDirs } from "./template-dirs.js";

export interface LocalePack {
  code: string;
  intl: string;
  name: string;
  issueLabel: string;
  issueNumber: string;
  readingTime: string;
  charsPerMinute: number;
  wordsPerMinute: number;
  strings: Record<string, string>;
  statuses: Record<string, string>;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function remembered(known: Map<string, string>, key: string, make: () => string): string {
  let value = known.get(key);
  if (value === undefined) known.set(key, (value = make()));
  return value;
}

/** Locale-aware labels. Dates are calendar days, so they are formatted in UTC. */
export class Locale {
  readonly pack: LocalePack;
  private readonly yearMonth: Intl.DateTimeFormat;
  private readonly day: Intl.DateTimeFormat;
  // Every card of every list formats its dates, and a site has a few hundred months and days for thousands of cards.
  private readonly labels = new Map<string, string>();
  private readonly days = new Map<string, string>();
  /** The warning that a site's own pack lacks strings gekkan added since, which it shows in English (see loadLocales). */
  readonly borrowed: VFileMessage | undefined;
  /** The warning that a site's own pack formats its dates in another language than its own (locale-language.ts). */
  readonly copied: VFileMessage | undefined;
  constructor(pack: LocalePack, borrowed?: VFileMessage, copied?: VFileMessage) {
    this.pack = pack;
    this.borrowed = borrowed;
    this.copied = copied;
    this.yearMonth = new Intl.DateTimeFormat(pack.intl, { year: "numeric", month: "long", timeZone: "UTC" });
    this.day = new Intl.DateTimeFormat(pack.intl, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }
  get code(): string {
    return this.pack.code;
  }
  /** "2011年4月号" / "April 2011". */
  issueLabel(date: string): string {
    return remembered(this.labels, date, () => fill(this.pack.issueLabel, { yearMonth: this.yearMonth.format(utcDate(date)) }));
  }
  /** "第1号" / "Issue 1". */
  issueNumber(n: number): string {
    return fill(this.pack.issueNumber, { number: n });
  }
  formatDate(date: string): string {
    return remembered(this.days, date, () => this.day.format(utcDate(date)));
  }
  /** Japanese is counted in characters, not whitespace "words". */
  readingMinutes(cjkChars: number, words: number): number {
    return Math.max(1, Math.ceil(cjkChars / this.pack.charsPerMinute + words / this.pack.wordsPerMinute));
  }
  readingTime(cjkChars: number, words: number): string {
    return fill(this.pack.readingTime, { minutes: this.readingMinutes(cjkChars, words) });
  }
  status(status: string): string {
    return this.pack.statuses[status] ?? status;
  }
}

// A file path (gekkan's own folder, found by walking up: see package-root.ts), never a URL's pathname, which keeps %20 and %E6… and breaks under "my sites/月刊".
const BUILTIN_DIR = join(packageRoot(), "templates", "locales", "/");

/** The locale packs of the site at `root`: gekkan's, read under its own templates/locales/ where it has one. */
export function siteLocales(root: string): Map<string, Locale> {
  const [own] = templateDirs(root);
  return loadLocales(own === BUILTIN_TEMPLATES ? undefined : own);
}

/**
 * Locale packs are JSON files (`templates/locales/<code>.json`): adding a
 * language is adding one file, in gekkan or in a site's own templates/.
 * Every pack must define the same strings as the built-in English one. A
 * site's pack for a language gekkan ships is read over gekkan's own, string
 * by string: a site that copied the packs of an earlier gekkan keeps its
 * wording and gets the strings added since, instead of a build that fails
 * on the upgrade.
 */
export function loadLocales(siteTemplates: string | undefined): Map<string, Locale> {
  const builtin = packFiles(BUILTIN_DIR);
  const site = siteTemplates === undefined ? new Map<string, string>() : packFiles(join(siteTemplates, "locales"));
  const misnamed = siteTemplates === undefined ? [] : packsInOtherCase(builtin, site, dirname(siteTemplates));
  if (misnamed.length > 0) throw new ContentError(misnamed);
  const reference = JSON.parse(readFileSync(join(BUILTIN_DIR, "en.json"), "utf8")) as LocalePack;
  const schema = packSchema(Object.keys(reference.strings));
  const locales = new Map<string, Locale>();
  // What gekkan's own packs call their languages ("English", "日本語"): a site's pack copied from one may still say so. Read only for a language of the site's own, which most sites have none of.
  let builtinNames: Map<string, string> | undefined;
  const namesOfBuiltin = () => (builtinNames ??= new Map([...builtin].map(([code, path]): [string, string] => [code, String((readPack(path, undefined).value as { name?: unknown }).name ?? "")])));
  for (const code of [...new Set([...builtin.keys(), ...site.keys()])].sort()) {
    const own = site.get(code);
    const base = builtin.get(code);
    const under = own !== undefined && base !== undefined && base !== own ? readPack(base, undefined).value : undefined;
    const { value, doc, lines, file } = readPack(own ?? base ?? "", siteTemplates === undefined ? undefined : dirname(siteTemplates));
    const locate = (p: readonly PropertyKey[], prefer?: "key" | "value") => placeOfPath(doc, lines, p, 0, prefer);
    // A language of the site's own has no gekkan pack under it: the strings gekkan added since it was written are lent from English.
    const lent = under === undefined && base === undefined ? lentStrings(reference, value) : [];
    const result = schema.safeParse(under !== undefined ? overPack(under, value) : lent.length > 0 ? overPack({ strings: reference.strings, statuses: reference.statuses }, value) : value, { reportInput: true });
    if (!result.success) {
      throw new ContentError(reportSchemaIssues(result.error, { file, noun: "locale field", expectations: packExpectations(reference), locate, start: { line: 1, column: 1 }, ruleId: "locale-schema" }));
    }
    // Only a language of the site's own: gekkan's packs, and a site's pack read over one, keep gekkan's intl unless the site changed it on purpose.
    const copied = own !== undefined && base === undefined ? copiedPackWarning(file, code, result.data, { intl: locate(["intl"], "value"), name: locate(["name"], "value") }, namesOfBuiltin()) : undefined;
    locales.set(code, new Locale({ ...result.data, code }, lentWarning(file, code, lent, locate), copied));
  }
  return locales;
}

/**
 * The strings and statuses of gekkan's English pack that a pack with
 * `strings` and `statuses` of its own lacks: gekkan added them after the
 * pack was written. An upgrade must not stop a site's build over a label;
 * a pack with no strings at all is no pack yet, and its errors stand.
 */
function lentStrings(reference: LocalePack, value: unknown): Array<[key: string, english: string]> {
  if (!isRecord(value) || !isRecord(value.strings) || !isRecord(value.statuses)) return [];
  const own = { strings: value.strings, statuses: value.statuses };
  return (["strings", "statuses"] as const).flatMap((group) => Object.entries(reference[group]).filter(([key]) => !(key in own[group])).map(([key, text]): [string, string] => [`${group}.${key}`, text]));
}

function lentWarning(file: string, code: string, lent: ReadonlyArray<[string, string]>, locate: (p: readonly PropertyKey[], prefer?: "key" | "value") => { line: number; column: number } | undefined): VFileMessage | undefined {
  if (lent.length === 0) return undefined;
  const named = lent.map(([key, english]) => `${key} (${JSON.stringify(english)})`).join(", ");
  const reason = `this pack has no words for ${named}, which gekkan added after the pack was written: the ${code} pages show gekkan's English for ${lent.length === 1 ? "it" : "them"} until you add ${lent.length === 1 ? "it" : "them"} here`;
  return warning(file, reason, locate(["strings"], "key") ?? { line: 1, column: 1 }, "locale-fallback");
}

/**
 * A site's pack named like gekkan's but for case (EN.json beside gekkan's
 * en.json), or like another of the site's (pt-BR.json, pt-br.json). Read as
 * a language of its own, a pack meant to change a few of gekkan's English
 * strings failed on every string it leaves out; and macOS and Windows hold
 * only one of two such files.
 */
function packsInOtherCase(builtin: ReadonlyMap<string, string>, site: ReadonlyMap<string, string>, root: string): VFileMessage[] {
  const known = new Map([...builtin.keys()].map((code) => [code.toLowerCase(), { code, gekkans: true }]));
  const problems: VFileMessage[] = [];
  for (const [code, path] of site) {
    const twin = known.get(code.toLowerCase());
    if (twin === undefined) known.set(code.toLowerCase(), { code, gekkans: false });
    if (twin === undefined || twin.code === code) continue;
    const reason = twin.gekkans
      ? `gekkan's own pack for this language is ${twin.code}.json, and this name differs from it only in case: it is read as a language of its own, not over ${twin.code}.json; rename it to ${twin.code}.json with git mv`
      : `this name differs from the site's ${twin.code}.json only in case: they are read as two languages, and macOS and Windows hold only one of them; keep one, with the strings of both`;
    problems.push(diagnostic(siteFile(root, path), reason, { line: 1, column: 1 }, "locale-name-case"));
  }
  return problems;
}

/** The packs in `dir` by language code. */
function packFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir).sort()) if (name.endsWith(".json")) files.set(name.slice(0, -5), join(dir, name));
  return files;
}

/** A pack's JSON, parsed with its places; a syntax slip is an error at once. Named from `root` when it lies in it. */
function readPack(path: string, root: string | undefined) {
  const file = root === undefined ? path : siteFile(root, path);
  const text = readUtf8File(path, file);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = jsonSyntaxProblems(file, text, doc, "this locale pack", "locale-syntax");
  if (syntax.length > 0) throw new ContentError(syntax);
  return { value: wellFormed(doc.toJS()), doc, lines, file };
}

/** `own` read over `under`: its top-level fields replace, its strings and statuses are added one by one. */
function overPack(under: unknown, own: unknown): unknown {
  if (!isRecord(under) || !isRecord(own)) return own;
  const merged: Record<string, unknown> = { ...under, ...own };
  for (const key of ["strings", "statuses"]) {
    if (isRecord(under[key]) && isRecord(own[key])) merged[key] = { ...under[key], ...own[key] };
  }
  return merged;
}

function isKnownLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false; // a malformed tag throws RangeError
  }
}

/**
 * What each field of a pack holds, in config errors' words. Without these, a missing string was reported in
 * zod's ("expected Invalid input: expected string, received undefined"); each one names gekkan's English
 * wording, which is what the author translates.
 */
function packExpectations(reference: LocalePack): Record<string, string> {
  const words = (group: string, english: Record<string, string>) => Object.entries(english).map(([key, text]) => [`${group}.${key}`, `this language's words for what gekkan's en.json says as ${JSON.stringify(text)}`]);
  return {
    intl: 'a locale tag Node.js knows, such as "fr" or "pt-BR"',
    name: 'the language\'s name in itself, such as "Français"',
    issueLabel: `text with {yearMonth}, as in gekkan's en.json ${JSON.stringify(reference.issueLabel)}`,
    issueNumber: `text with {number}, as in gekkan's en.json ${JSON.stringify(reference.issueNumber)}`,
    readingTime: `text with {minutes}, as in gekkan's en.json ${JSON.stringify(reference.readingTime)}`,
    charsPerMinute: `a number above 0: wide characters (kanji, kana) read in a minute, ${reference.charsPerMinute} in gekkan's en.json`,
    wordsPerMinute: `a number above 0: words read in a minute, ${reference.wordsPerMinute} in gekkan's en.json`,
    strings: "an object of this language's strings, with the names of gekkan's en.json",
    statuses: "an object of this language's words for each release status, with the names of gekkan's en.json",
    ...Object.fromEntries([...words("strings", reference.strings), ...words("statuses", reference.statuses)]),
  };
}

function packSchema(keys: readonly string[]) {
  const text = z.string().min(1);
  return z.object({
    intl: text.refine(isKnownLocale, { message: "not a locale this Node.js knows" }),
    name: text,
    issueLabel: text,
    issueNumber: text,
    readingTime: text,
    charsPerMinute: z.number().positive(),
    wordsPerMinute: z.number().positive(),
    strings: z.strictObject(Object.fromEntries(keys.map((k) => [k, text]))),
    statuses: z.strictObject(Object.fromEntries(RELEASE_STATUSES.map((s) => [s, text]))),
  });
}
