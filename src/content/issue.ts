import { z } from "zod";
import type { VFileMessage } from "vfile-message";
import { decodeSource } from "./decode.js";
import { parseFrontMatter } from "./front-matter.js";
import { commentInPlace } from "./yaml-comments.js";
import { calendarDate, FRONT_MATTER_SYNONYMS, frontMatterExpectations, frontMatterSchema, type SchemaContext } from "./schema.js";
import { placeOfPath, sourceOfPath } from "./yaml-place.js";
import { DEFAULT_LIMITS, limitSetting, type ContentLimits } from "../limits.js";
import { tooLarge } from "./source-problems.js";
import { excessiveNesting } from "./nesting.js";
import { excessiveMarkers } from "./inline-density.js";
import { languageSuffixProblem, nameLanguage } from "./language-suffix.js";
import { markNumberlessTranslation } from "./numberless-translation.js";
import { controlsInData } from "./front-matter-controls.js";
import { skeletonLeftover } from "./leftovers.js";
import { issueNumberForm } from "./issue-number-form.js";
import { findBidiControl, type BidiControl } from "./bidi-controls.js";
import type { FieldMarkdown } from "./front-matter-markdown.js";
import { fieldsWithMarkdown } from "./front-matter-marks.js";
import { findPlaceholders, placeholderAdvice, PLACEHOLDER_RULE } from "../placeholder.js";
import { meantFields, reportSchemaIssues, type SchemaReportOptions } from "../schema-report.js";
import { describeValue, diagnostic } from "../diagnostics.js";

/** One issue as the author wrote it, validated; no rendering yet. */
export interface Issue {
  /** Path relative to the site root, with forward slashes (used in messages). */
  file: string;
  number: number;
  title: string;
  /** Calendar day, YYYY-MM-DD. */
  date: string;
  /** The day of its last correction readers should know of (front matter `updated`), when given: feeds and the sitemap date the issue by it. */
  updated?: string | undefined;
  /** Front-matter line of `updated`, when given. */
  updatedLine?: number | undefined;
  summary: string;
  tags: string[];
  draft: boolean;
  lang: string;
  slug: string;
  /** True when the front matter sets `slug`; a translation without one takes its original's. */
  slugGiven: boolean;
  authors: string[];
  /** Slugs the issue was published under before (front matter `aliases`): each old address gets a page that leads to the current one. */
  aliases: string[];
  /** Front-matter line of the `aliases:` key (the slug's when there is none). */
  aliasesLine: number;
  /** Kinds of warning about this issue its author means (front matter `ignoreWarnings`). */
  ignoreWarnings: string[];
  body: string;
  /** File line of the body's first line, to map Markdown positions back. */
  bodyLine: number;
  /** Front-matter line of the `issue:` key, for duplicate-number messages. */
  numberLine: number;
  slugLine: number;
  /** Front-matter line of the `date:` key, for a translation dated before its original. */
  dateLine: number;
  /** Front-matter line of the `title:` key, for check's warnings about the title. */
  titleLine: number;
  /** Front-matter line of the `summary:` key (the title's when there is none). */
  summaryLine: number;
  /** The first bidirectional control anywhere in the file, if any (bidi-controls.ts warns of it). */
  bidiControl?: BidiControl | undefined;
  /** The title or summary holding Markdown marks readers would see as typed, if any (front-matter-markdown.ts warns of it). */
  fieldMarkdown?: FieldMarkdown[] | undefined;
}

export interface IssueContext extends SchemaContext {
  defaultLang: string;
  /** Size and depth limits (the config's `limits`); absent = the defaults. */
  limits?: ContentLimits | undefined;
}

/**
 * A failed issue whose front matter was read but refused still has a body
 * worth checking: `body` is given then, so every mistake in the file is
 * reported at once (not when it sets up the parser to fail, see nesting).
 * When every field is valid and only what it holds must not be published
 * (gekkan new's example text, a template placeholder), `issue` is given too:
 * the issue is known, so gekkan check can leave it out and check the rest.
 */
export type IssueResult = { ok: true; issue: Issue } | { ok: false; messages: VFileMessage[]; body?: UncheckedBody; issue?: Issue };

export interface UncheckedBody {
  text: string;
  bodyLine: number;
  /** As written (`draft: true`), for the rules a draft is spared. */
  draft: boolean;
}

/** Pure: (file name, bytes, context) → Issue or located messages. */
export function parseIssue(file: string, bytes: Uint8Array, context: IssueContext): IssueResult {
  const limits = context.limits ?? DEFAULT_LIMITS;
  if (bytes.length > limits.issueBytes) return { ok: false, messages: [tooLarge(file, bytes.length, limits.issueBytes)] };
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return { ok: false, messages: [decoded.message] };
  const fm = parseFrontMatter(file, decoded.text, limits);
  if (!fm.ok && fm.partial === undefined) return fm;
  // Fields refused as written (a YAML mark, a comment in a title) are said by the front matter; the others are checked all the same, at once.
  const { doc, lines, data, body, bodyLine } = fm.ok ? fm.value : fm.partial!.value;
  const said = fm.ok ? [] : fm.messages;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const reason = `front matter must be a mapping of fields (title: …, issue: …, date: …), found ${describeValue(data)}`;
    return { ok: false, messages: [diagnostic(file, reason, { line: 2, column: 1 }, "front-matter-shape")] };
  }
  const locate = (path: readonly PropertyKey[], prefer: "key" | "value" = "value") => placeOfPath(doc, lines, path, 0, prefer);
  const controls = controlsInData(file, data, locate);
  if (controls.length > 0) return { ok: false, messages: [...said, ...controls] };
  const nesting = nestingProblem(file, body, bodyLine, limits) ?? densityProblem(file, body, bodyLine, limits);
  const unchecked: UncheckedBody | undefined = nesting ? undefined : { text: body, bodyLine, draft: (data as { draft?: unknown }).draft === true };
  const refused = (messages: VFileMessage[]): IssueResult => {
    const all = [...said, ...messages, ...(nesting ? [nesting] : [])];
    return unchecked ? { ok: false, messages: all, body: unchecked } : { ok: false, messages: all };
  };
  const numberForm = issueNumberForm(file, (data as { issue?: unknown }).issue, sourceOfPath(doc, ["issue"]), locate(["issue"]));
  const schema = fm.ok ? frontMatterSchema(context) : withoutFields(frontMatterSchema(context), fm.partial!.unread);
  const result = schema.safeParse(data, { reportInput: true });
  // Some fields left unread: the others' mistakes, as for fields the schema refused.
  if (!result.success || !fm.ok) return refused(refusedFields({ file, context, doc, locate, data, schema, error: result.success ? undefined : result.error, numberForm }));
  const fields = result.data as FrontMatterFields;
  // Every mistake of fields that did read, at once.
  const problems = [numberForm, updatedBeforeDate(file, fields, locate), suffixProblem(file, fields.lang, context, locate)].filter((m) => m !== undefined);
  if (nesting || problems.length > 0) return refused(problems);
  const issue = issueOf(file, fields, { body, bodyLine, text: decoded.text, defaultLang: context.defaultLang }, locate);
  // The example text of `gekkan new` and template placeholders must never be published; a draft may keep them. Both are found at once.
  const unpublishable = fields.draft ? [] : [...placeholderFields(file, fields, locate), ...[skeletonLeftover(file, body, bodyLine)].filter((m) => m !== undefined)];
  if (unpublishable.length > 0) return { ok: false, messages: unpublishable, body: { text: body, bodyLine, draft: false }, issue };
  return { ok: true, issue };
}

type FrontMatterFields = z.infer<ReturnType<typeof frontMatterSchema>>;

/** The schema without fields already refused as written: neither "missing" nor checked again. */
function withoutFields(schema: ReturnType<typeof frontMatterSchema>, unread: ReadonlySet<string>): z.ZodType {
  return z.strictObject(Object.fromEntries(Object.entries(schema.shape).filter(([key]) => !unread.has(key))));
}

interface RefusedFields {
  file: string;
  context: IssueContext;
  doc: Parameters<typeof sourceOfPath>[0];
  locate: Locate;
  data: object;
  schema: z.ZodType;
  /** Undefined when the schema took every field it was given (some were left unread). */
  error: z.ZodError | undefined;
  numberForm: VFileMessage | undefined;
}

/** Every mistake of fields the schema refused or that were left unread, with what else the fields that did read show. */
function refusedFields({ file, context, doc, locate, data, schema, error, numberForm }: RefusedFields): VFileMessage[] {
  const report = frontMatterReport(file, context, doc, locate, textAccepted(schema, data));
  const messages = error === undefined ? [] : markNumberlessTranslation(reportSchemaIssues(error, report), file, data, context);
  // Found now too (a translation copied without its issue: and lang: lines), unless a misspelt key already says "did you mean lang".
  const suffix = error !== undefined && meantFields(error, report).has("lang") ? undefined : suffixProblem(file, (data as { lang?: unknown }).lang, context, locate);
  // Found now too: a date and an updated that did read may still be the wrong way round.
  messages.push(...[suffix, updatedBeforeDate(file, readableDates(data), locate)].filter((m) => m !== undefined));
  // Found now too, not one fix later: the fields that did read may still hold a placeholder.
  if ((data as { draft?: unknown }).draft !== true) messages.push(...placeholderFields(file, readableFields(data), locate));
  if (numberForm) messages.push(numberForm);
  return messages;
}

/** The issue its valid fields and body make. */
function issueOf(file: string, fields: FrontMatterFields, source: { body: string; bodyLine: number; text: string; defaultLang: string }, locate: Locate): Issue {
  const numberLine = locate(["issue"], "key")?.line ?? 1;
  return {
    file,
    number: fields.issue,
    title: fields.title,
    date: fields.date,
    ...(fields.updated === undefined ? {} : { updated: fields.updated, updatedLine: locate(["updated"], "key")?.line ?? 1 }),
    summary: fields.summary ?? "",
    tags: fields.tags,
    draft: fields.draft,
    lang: fields.lang ?? source.defaultLang,
    slug: fields.slug ?? monthSlug(fields.date),
    slugGiven: fields.slug !== undefined,
    authors: fields.authors,
    aliases: fields.aliases,
    ignoreWarnings: fields.ignoreWarnings,
    body: source.body,
    bodyLine: source.bodyLine,
    numberLine,
    slugLine: locate([fields.slug ? "slug" : "date"], "key")?.line ?? 1,
    aliasesLine: locate([fields.aliases.length > 0 ? "aliases" : fields.slug ? "slug" : "date"], "key")?.line ?? 1,
    dateLine: locate(["date"], "key")?.line ?? 1,
    titleLine: locate(["title"], "key")?.line ?? 1,
    summaryLine: locate(["summary"], "key")?.line ?? locate(["title"], "key")?.line ?? 1,
    ...bidiControlOf(source.text),
    ...fieldMarkdownOf(fields, locate),
  };
}

/**
 * THE rule for an issue's address when its front matter sets no slug: its
 * month ("2011-04" for a date in April 2011). Also what names an issue's
 * old address once it sets a slug of its own.
 */
export function monthSlug(date: string): string {
  return date.slice(0, 7);
}

/**
 * A file named for one language whose `lang` says another (language-suffix.ts).
 * Not for a `lang` the schema refuses (not a string, not a language of the
 * site): that field's one mistake is said once, by the schema.
 */
function suffixProblem(file: string, lang: unknown, context: IssueContext, locate: Locate): VFileMessage | undefined {
  if (lang !== undefined && (typeof lang !== "string" || !context.languages.includes(lang))) return undefined;
  const places = { lang: lang === undefined ? undefined : locate(["lang"], "value"), issue: { line: locate(["issue"], "key")?.line ?? 1, column: 1 } };
  return languageSuffixProblem(file, lang, context.defaultLang, context.languages, places);
}

/**
 * The fields' expectations, with `lang` as this file's name asks: a
 * translation's refused `lang` (`lang: 5`, `lang: english`) is told the one
 * value that fits it, which the name-and-lang check (suffixProblem) cannot
 * say of a value the schema refused.
 */
function expectationsFor(file: string, context: IssueContext): Record<string, string> {
  const expectations = frontMatterExpectations(context);
  const named = nameLanguage(file, context.languages);
  if (named !== undefined && named !== context.defaultLang) expectations.lang = `"${named}", as the file's name (.${named}.md) says`;
  return expectations;
}

type Locate = (path: readonly PropertyKey[], prefer?: "key" | "value") => { line: number; column: number } | undefined;

/** An `updated` day before the issue's own date: a slip (the year, the month), which would date the correction before the issue. */
function updatedBeforeDate(file: string, fields: { date: string; updated?: string | undefined }, locate: Locate): VFileMessage | undefined {
  if (fields.updated === undefined || fields.updated >= fields.date) return undefined;
  const reason = `updated: ${fields.updated} is before the issue's date (${fields.date}, line ${locate(["date"], "key")?.line ?? 1}); updated is the day of its last correction, so write that day, on or after ${fields.date}`;
  return diagnostic(file, reason, locate(["updated"], "value"), "front-matter-schema");
}

/** Only when there is one: an issue without keeps the shape (and the stored bytes) it had. */
function bidiControlOf(text: string): { bidiControl?: BidiControl } {
  const found = findBidiControl(text);
  return found === undefined ? {} : { bidiControl: found };
}

/** Only when there is some, like bidiControlOf. */
function fieldMarkdownOf(fields: { title: string; summary?: string | undefined }, locate: (path: readonly PropertyKey[]) => { line: number; column: number } | undefined): { fieldMarkdown?: FieldMarkdown[] } {
  const found = fieldsWithMarkdown(fields, locate);
  return found.length === 0 ? {} : { fieldMarkdown: found };
}

/** The date and updated of front matter that failed its schema, when both are real days (else nothing to compare). */
function readableDates(data: object): { date: string; updated?: string } {
  const { date, updated } = data as { date?: unknown; updated?: unknown };
  const day = (value: unknown) => (calendarDate.safeParse(value).success ? (value as string) : undefined);
  const [from, to] = [day(date), day(updated)];
  return from === undefined || to === undefined ? { date: "" } : { date: from, updated: to };
}

/** The reader-facing text fields of front matter that failed its schema, as far as they are text. */
function readableFields(data: object): { title: string; summary?: string | undefined; authors: string[] } {
  const { title, summary, authors } = data as { title?: unknown; summary?: unknown; authors?: unknown };
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return { title: text(title), summary: text(summary), authors: Array.isArray(authors) ? authors.map(text) : [] };
}

/** Front-matter text readers see (title, summary, authors) that still holds a template placeholder, one message per field. */
function placeholderFields(file: string, fields: { title: string; summary?: string | undefined; authors: string[] }, locate: (path: readonly PropertyKey[]) => { line: number; column: number } | undefined): VFileMessage[] {
  const texts: Array<[path: PropertyKey[], name: string, text: string]> = [[["title"], "title", fields.title], [["summary"], "summary", fields.summary ?? ""]];
  fields.authors.forEach((author, i) => texts.push([["authors", i], "author", author]));
  return texts.flatMap(([path, field, text]) => {
    const found = findPlaceholders(text)[0];
    return found === undefined ? [] : [diagnostic(file, placeholderAdvice(found, { field }), locate(path), PLACEHOLDER_RULE)];
  });
}

/** Paragraphs packed with emphasis and link markers, which the parser reads in quadratic time. */
function densityProblem(file: string, body: string, bodyLine: number, limits: ContentLimits): VFileMessage | undefined {
  const found = excessiveMarkers(body, limits.inlineMarkers);
  if (!found) return undefined;
  const reason = found.single
    ? `this paragraph holds ${found.markers} emphasis and link markers (* _ ~ [ ]); the limit is ${limits.inlineMarkers} (${limitSetting("inlineMarkers")}), because the Markdown parser slows down with their square; split the paragraph with blank lines (lines without a blank one between them are counted together, in a code block too)`
    : `the paragraphs up to here hold too many emphasis and link markers (* _ ~ [ ]) for the Markdown parser to read in reasonable time (this one holds ${found.markers}; see ${limitSetting("inlineMarkers")}); split long paragraphs with blank lines`;
  return diagnostic(file, reason, { line: bodyLine + found.line - 1, column: 1 }, "inline-markers");
}

/** Lists, quotes and blocks nested past the limit, found before any Markdown parser runs. */
function nestingProblem(file: string, body: string, bodyLine: number, limits: ContentLimits): VFileMessage | undefined {
  const found = excessiveNesting(body, limits.nestingDepth);
  if (!found) return undefined;
  const reason = `lists, block quotes and blocks are nested ${found.depth} deep here; the limit is ${limits.nestingDepth} (${limitSetting("nestingDepth")}); flatten the structure`;
  return diagnostic(file, reason, { line: bodyLine + found.line - 1, column: found.column }, "nesting-too-deep");
}

/** Whether a top-level field would read with `text` in place of what YAML made of it (`title: 1.0`, a number): other fields as they are. */
function textAccepted(schema: z.ZodType, data: object): (path: readonly PropertyKey[], text: string) => boolean {
  return (path, text) => {
    const key = path[0];
    if (path.length !== 1 || typeof key !== "string") return false;
    const again = schema.safeParse({ ...data, [key]: text });
    return again.success || !again.error.issues.some((issue) => issue.path[0] === key);
  };
}

/** How front matter's schema problems are told: where, with what words, and the fix written as YAML. */
function frontMatterReport(file: string, context: IssueContext, doc: Parameters<typeof sourceOfPath>[0], locate: SchemaReportOptions["locate"], acceptsText: SchemaReportOptions["acceptsText"]): SchemaReportOptions {
  return {
    file,
    noun: "front matter field",
    expectations: expectationsFor(file, context),
    locate,
    sourceText: (path) => sourceOfPath(doc, path),
    commentInPlace: (path) => commentInPlace(doc, path),
    assignment: (key, value) => `${key}: ${value}`,
    acceptsText,
    synonyms: FRONT_MATTER_SYNONYMS,
    start: { line: 1, column: 1 },
    ruleId: "front-matter-schema",
  };
}
