import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { ContentError, diagnostic } from "../diagnostics.js";
import { placeOfPath } from "../content/yaml-place.js";
import { reportSchemaIssues } from "../schema-report.js";
import { RELEASE_STATUSES } from "../blocks/types.js";
import { packageRoot } from "../package-root.js";
import { wellFormed } from "../well-formed.js";
import { jsonSyntaxProblems } from "../json-syntax.js";

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

/** Locale-aware labels. Dates are calendar days, so they are formatted in UTC. */
export class Locale {
  readonly pack: LocalePack;
  private readonly yearMonth: Intl.DateTimeFormat;
  private readonly day: Intl.DateTimeFormat;
  constructor(pack: LocalePack) {
    this.pack = pack;
    this.yearMonth = new Intl.DateTimeFormat(pack.intl, { year: "numeric", month: "long", timeZone: "UTC" });
    this.day = new Intl.DateTimeFormat(pack.intl, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }
  get code(): string {
    return this.pack.code;
  }
  /** "2011年4月号" / "April 2011". */
  issueLabel(date: string): string {
    return fill(this.pack.issueLabel, { yearMonth: this.yearMonth.format(utcDate(date)) });
  }
  /** "第1号" / "Issue 1". */
  issueNumber(n: number): string {
    return fill(this.pack.issueNumber, { number: n });
  }
  formatDate(date: string): string {
    return this.day.format(utcDate(date));
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

/**
 * Locale packs are JSON files (`templates/locales/<code>.json`): adding a
 * language is adding one file, in gekkan or in a site's own templates/.
 * Every pack must define the same strings as the built-in English one.
 */
export function loadLocales(siteTemplates: string | undefined): Map<string, Locale> {
  const dirs = [BUILTIN_DIR, ...(siteTemplates ? [join(siteTemplates, "locales")] : [])];
  const files = new Map<string, string>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) if (name.endsWith(".json")) files.set(name.slice(0, -5), join(dir, name));
  }
  const reference = JSON.parse(readFileSync(join(BUILTIN_DIR, "en.json"), "utf8")) as LocalePack;
  const schema = packSchema(Object.keys(reference.strings));
  const locales = new Map<string, Locale>();
  for (const [code, path] of [...files].sort()) {
    const text = readFileSync(path, "utf8");
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
    const result = schema.safeParse(wellFormed(doc.toJS()), { reportInput: true });
    const syntax = jsonSyntaxProblems(path, text, doc, "this locale pack", "locale-syntax");
    if (syntax.length > 0 || !result.success) {
      const messages = syntax.length > 0
        ? syntax
        : reportSchemaIssues(result.error!, { file: path, noun: "locale field", expectations: {}, locate: (p, prefer) => placeOfPath(doc, lines, p, 0, prefer), start: { line: 1, column: 1 }, ruleId: "locale-schema" });
      throw new ContentError(messages);
    }
    locales.set(code, new Locale({ ...result.data, code }));
  }
  return locales;
}

function isKnownLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false; // a malformed tag throws RangeError
  }
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
