import type { z } from "zod";
import type { VFileMessage } from "vfile-message";
import { describeValue, diagnostic, type Place } from "./diagnostics.js";
import { asSuggestion, didYouMean, suggest } from "./suggest.js";
import { asciiDigits, numberInWords } from "./issue-names.js";

export interface SchemaReportOptions {
  file: string;
  /** What the thing being validated is called in messages: "front matter field", "attribute". */
  noun: string;
  /** Human expectation per top-level key, e.g. date → "a calendar date YYYY-MM-DD". */
  expectations: Readonly<Record<string, string>>;
  /** Where a path sits in the source; `key` for unknown/missing keys. */
  locate: (path: readonly PropertyKey[], prefer: "key" | "value") => Place | undefined;
  /** Where the whole object starts (used for missing keys). */
  start: Place;
  ruleId: string;
  format?: (key: string) => string;
  /** The value as written in the source, when the parsed value cannot show it (a number too large to keep exactly). */
  sourceText?: (path: readonly PropertyKey[]) => string | undefined;
  /** How a field is written in this source (`issue: 1`, `date="2011-04-01"`), for a fix spelt out in full; without it, none is. */
  assignment?: (key: string, value: string) => string;
  /** Whether `text` would be a good value at `path`: a value YAML typed otherwise is told to be quoted only then. */
  acceptsText?: (path: readonly PropertyKey[], text: string) => boolean;
  /** The comment written in place of an empty value (`date: # 未定`), "#" and all: said, as YAML reads it as no value at all. */
  commentInPlace?: (path: readonly PropertyKey[]) => string | undefined;
  /** What to say of an unknown key that is no slip but a setting that belongs elsewhere (a password in the config), in place of "did you mean" or the list of fields. */
  unknownKeyHint?: (path: readonly PropertyKey[]) => string | undefined;
  /** Other names for a top-level field that no spelling is close to (`language` for `lang`): suggested when nothing else is. */
  synonyms?: Readonly<Record<string, string>>;
}

/** The known key an unknown one most likely means: a close spelling, else a synonym of a top-level field (or a slip of one). */
function likelyKey(key: string, known: readonly string[], path: readonly PropertyKey[], options: SchemaReportOptions): string | undefined {
  const synonym = path.length === 0 ? synonymOf(key, options.synonyms ?? {}) : undefined;
  return suggest(key, known) ?? (synonym !== undefined && known.includes(synonym) ? synonym : undefined);
}

/** Names this short are too like other short words for a slip to be read as one ("to" is not "no", the issue). */
const SLIP_MIN_LENGTH = 6;

/**
 * The field a synonym stands for, written as it is or with a slip
 * ("langauge", "translater"): a slip of "language" is as far from "lang" as
 * "language" is, so without this it got only the list of every field.
 */
function synonymOf(key: string, synonyms: Readonly<Record<string, string>>): string | undefined {
  const lower = key.toLowerCase();
  if (Object.hasOwn(synonyms, lower)) return synonyms[lower];
  const near = suggest(lower, Object.keys(synonyms).filter((name) => name.length >= SLIP_MIN_LENGTH));
  return near === undefined ? undefined : synonyms[near];
}

/**
 * One zod error → one located message per problem, each naming the field,
 * what was expected and what was found. zod's own wording is kept out of the
 * author's way: the expectations table says it in the project's words.
 */
export function reportSchemaIssues(error: z.ZodError, options: SchemaReportOptions): VFileMessage[] {
  const name = options.format ?? ((key: string) => `"${key}"`);
  const messages: VFileMessage[] = [];
  // `titel:` already says "did you mean title?"; "title is missing" on top is noise.
  const explained = meantFields(error, options);
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(options.expectations, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const best = likelyKey(key, known, issue.path, options);
        const hint = options.unknownKeyHint?.(path) ?? (asSuggestion(best, name) || `; expected one of ${known.map(name).join(", ")}`);
        const reason = `unknown ${options.noun} ${fieldName(path, name)}${hint}`;
        messages.push(diagnostic(options.file, reason, options.locate(path, "key") ?? options.start, options.ruleId));
      }
      continue;
    }
    const label = pathLabel(issue.path);
    const expected = expectationAt(options.expectations, issue.path) ?? issue.message;
    const input = (issue as { input?: unknown }).input;
    // Absent: a required field (invalid_type), or one that must be one of a fixed set (invalid_value).
    if (input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value")) {
      if (explained.has(label)) continue;
      const reason = `missing required ${options.noun} ${fieldName(issue.path, name)}: expected ${expected}`;
      messages.push(diagnostic(options.file, reason, options.start, options.ruleId));
      continue;
    }
    const place = options.locate(issue.path, "value");
    const found = describeValue(input, place === undefined ? undefined : options.sourceText?.(issue.path));
    const reason = `invalid ${options.noun} ${fieldName(issue.path, name)}: expected ${expected}, found ${found}${customHint(issue)}${valueHint(issue, input)}${typedHint(issue, input, options.assignment)}${quoteHint(issue, input, options)}${commentHint(issue, input, options)}`;
    messages.push(diagnostic(options.file, reason, place ?? options.start, options.ruleId));
  }
  return messages;
}

/**
 * A field as authors read it: ["tags", 1] → `"tags" (item 2)`,
 * ["limits", "issueBytes"] → `"limits.issueBytes"`; list positions are
 * counted from 1, not written as programmers' indexes.
 */
export function fieldName(path: readonly PropertyKey[], quote: (key: string) => string = (key) => `"${key}"`): string {
  const items = path.filter((segment): segment is number => typeof segment === "number").map((index) => `item ${index + 1}`);
  return `${quote(dotted(path))}${items.length > 0 ? ` (${items.join(", ")})` : ""}`;
}

/**
 * The fields an unknown key is taken for ("titel" → "title", "language" →
 * "lang"), as labels ("title", "languages.en.title"): the "did you mean"
 * already said about each is the one word wanted on it.
 */
export function meantFields(error: z.ZodError, options: SchemaReportOptions): Set<string> {
  const meant = new Set<string>();
  for (const issue of error.issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const known = knownKeys(options.expectations, issue.path);
    for (const key of issue.keys) {
      const best = likelyKey(key, known, issue.path, options);
      if (best !== undefined) meant.add(pathLabel([...issue.path, best]));
    }
  }
  return meant;
}

/** ["tags", 1] → "tags[1]": a path as one key, to tell paths apart. */
function pathLabel(path: readonly PropertyKey[]): string {
  return path.map((segment, i) => (typeof segment === "number" ? `[${segment}]` : i === 0 ? String(segment) : `.${String(segment)}`)).join("");
}

/** The expectations key of a path: list indices do not matter ("tags[1]" → "tags"). */
function dotted(path: readonly PropertyKey[]): string {
  return path.filter((segment) => typeof segment !== "number").map(String).join(".");
}

/**
 * The expectation of the deepest part of `path` that has one: "email.listUnsubscribe[1]" →
 * "email.listUnsubscribe" → "email". A "*" in an expectation's key stands for any one name
 * ("languages.*.email.from" for every language's).
 */
function expectationAt(expectations: Readonly<Record<string, string>>, path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((segment) => typeof segment !== "number").map(String);
  for (let n = keys.length; n > 0; n--) {
    const found = lookup(expectations, keys.slice(0, n));
    if (found !== undefined) return found;
  }
  return undefined;
}

function lookup(expectations: Readonly<Record<string, string>>, keys: readonly string[]): string | undefined {
  const exact = expectations[keys.join(".")];
  if (exact !== undefined) return exact;
  const pattern = Object.keys(expectations).find((key) => matches(key.split("."), keys));
  return pattern === undefined ? undefined : expectations[pattern];
}

function matches(pattern: readonly string[], keys: readonly string[]): boolean {
  return pattern.length === keys.length && pattern.every((part, i) => part === "*" || part === keys[i]);
}

/** Keys the object at `path` may have: top-level keys, or the `parent.key` entries of the expectations. */
function knownKeys(expectations: Readonly<Record<string, string>>, path: readonly PropertyKey[]): string[] {
  const parent = path.filter((segment) => typeof segment !== "number").map(String);
  return Object.keys(expectations)
    .map((key) => key.split("."))
    .filter((parts) => parts.length === parent.length + 1 && matches(parts.slice(0, -1), parent))
    .map((parts) => parts.at(-1) ?? "");
}

/** A value that is not one of a fixed set, close to one of them: "release" → did you mean "released"? */
function valueHint(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code !== "invalid_value" || typeof input !== "string") return "";
  const values = issue.values.filter((value): value is string => typeof value === "string");
  return didYouMean(input, values);
}

/** An empty value with a comment in its place: the comment is not the value, and YAML gives no word of it. */
function commentHint(issue: z.core.$ZodIssue, input: unknown, options: SchemaReportOptions): string {
  const comment = input === null ? options.commentInPlace?.(issue.path) : undefined;
  if (comment === undefined) return "";
  const after = typeof issue.path.at(-1) === "number" ? "dash" : "colon";
  return `: ${JSON.stringify(comment)} is a comment in YAML, not a value; write the value after the ${after} (a note can go on a line of its own)`;
}

/**
 * Custom refinements carry a specific reason: `params.hint` is appended as
 * written (" — did you mean …?"), a plain message goes in parentheses.
 */
function customHint(issue: z.core.$ZodIssue): string {
  if (issue.code !== "custom") return "";
  const hint = (issue.params as { hint?: unknown } | undefined)?.hint;
  if (typeof hint === "string") return hint;
  return issue.message ? ` (${issue.message})` : "";
}

/** YAML 1.1's words for true and false (and a Japanese answer), plain text to the YAML 1.2 that gray-matter reads. */
const BOOLEAN_WORDS = new Map<string, boolean>([["yes", true], ["no", false], ["on", true], ["off", false], ["y", true], ["n", false], ["はい", true], ["いいえ", false]]);

/** Fields whose items are single words: component names. */
const WORD_LISTS = new Set(["tags", "components"]);

/**
 * A value typed so that YAML reads it as text, with the field written the
 * way that works: quoted ("1", "true"), in full-width digits from a Japanese
 * input method (１, which reads like 1 in the message), a number with its
 * words (第12号), a YAML 1.1 boolean (yes), or a list written without its
 * brackets (tags: pacemaker, corosync) or in quotes
 * (tags: "[pacemaker, corosync]").
 */
function typedHint(issue: z.core.$ZodIssue, input: unknown, assignment: SchemaReportOptions["assignment"]): string {
  const key = issue.path.at(-1);
  if (assignment === undefined || typeof input !== "string" || typeof key !== "string") return "";
  const ascii = asciiTyped(input).trim();
  const fullWidth = ascii !== input.trim();
  const expected = issue.code === "invalid_type" ? issue.expected : undefined;
  if (expected === "number" && /^-?\d+(?:\.\d+)?$/.test(ascii)) return fullWidth ? `; type it in ASCII digits: ${assignment(key, ascii)}` : `; write the number without quotes: ${assignment(key, ascii)}`;
  if (expected === "boolean" && /^(?:true|false)$/i.test(ascii)) return `; write it without quotes: ${assignment(key, ascii.toLowerCase())}`;
  const truth = expected === "boolean" ? BOOLEAN_WORDS.get(ascii.toLowerCase()) : undefined;
  if (truth !== undefined) return `; write ${assignment(key, String(truth))}`;
  const numbered = expected === "number" ? numberInWords(ascii) : undefined;
  if (numbered !== undefined) return `; write the number alone: ${assignment(key, numbered)}`;
  if (expected === "array") {
    // Brackets inside quotes ("[pacemaker, stonith]") are a list YAML was told to read as text: the fix is the quotes, not more brackets.
    const quotedList = /^\[[^[\]]*\]$/.test(ascii);
    const items = quotedList ? ascii.slice(1, -1) : ascii;
    // Component names are single words (resource-agents): with no comma, spaces part them. A person's name keeps its space.
    const bySpace = WORD_LISTS.has(key) && !/[,、，]/.test(items);
    const list = `[${items.split(bySpace ? /\s+/ : /[,、，]/).map((item) => item.trim()).filter(Boolean).join(", ")}]`;
    return quotedList ? `; write the list without quotes: ${assignment(key, list)}` : `; write a list in brackets: ${assignment(key, list)}`;
  }
  // A refinement's own hint (a date's "write it 2011-11-01") already gives the value to type.
  return fullWidth && customHint(issue) === "" ? `; its ${fullWidthMarks(input)} full-width: type ${assignment(key, ascii)}` : "";
}

/**
 * `text` as typed with the input method off: full-width digits, and the
 * full stops and hyphens typed with them (version="１．４．０"), in ASCII.
 * Digits alone left the stops full-width in the value the message offered.
 */
function asciiTyped(text: string): string {
  return asciiDigits(text).replace(/[．－]/gu, (mark) => (mark === "．" ? "." : "-"));
}

/** What asciiTyped changed in `text`, named for the message: a full-width ． looks like a . in most fonts. */
function fullWidthMarks(text: string): string {
  const kinds = [/[０-９]/u.test(text) ? "digits" : "", /．/u.test(text) ? "full stops (．)" : "", /－/u.test(text) ? "hyphens (－)" : ""].filter(Boolean);
  return `${kinds.slice(0, -1).join(", ")}${kinds.length > 1 ? " and " : ""}${kinds.at(-1) ?? ""} are`;
}

/**
 * Text that YAML took for another type (`title: 1.0` is the number 1, `summary: true` a boolean,
 * `title: 2011-04-01` a date): quotes keep it as written, which the message shows, since "found the number 1"
 * does not look like what the author typed.
 */
function quoteHint(issue: z.core.$ZodIssue, input: unknown, options: SchemaReportOptions): string {
  const key = issue.path.at(-1);
  const { assignment, acceptsText } = options;
  const written = options.sourceText?.(issue.path);
  if (assignment === undefined || acceptsText === undefined || written === undefined || typeof key !== "string") return "";
  if (issue.code !== "invalid_type" || issue.expected !== "string") return "";
  const kind = typeof input === "number" ? "a number" : typeof input === "boolean" ? "a true/false value" : input instanceof Date ? "a date" : undefined;
  const text = written.trim();
  if (kind === undefined || text === "" || /^["']/.test(text) || !acceptsText(issue.path, text)) return "";
  return `; YAML reads ${text} as ${kind}: to keep it as text, put it in quotes: ${assignment(key, JSON.stringify(text))}`;
}
