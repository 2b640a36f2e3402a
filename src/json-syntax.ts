import { parse as parseJsonc, printParseErrorCode, type ParseError } from "jsonc-parser";
import type { VFileMessage } from "vfile-message";
import type { Document } from "yaml";
import { diagnostic, type Place } from "./diagnostics.js";

/**
 * JSON files the author edits (gekkan.config.json, locale packs) are read
 * with `yaml` for the places of their values, but YAML accepts what JSON
 * does not (`[1 2]` is the string "1 2", unquoted or single-quoted names, a
 * trailing comma) and words its errors for YAML. Whether the text is JSON is
 * judged by JSON.parse; where it is not, the two slips people carry over from
 * JavaScript and JSONC (comments and a comma after the last item) are each
 * reported, all at once, placed by jsonc-parser, which says where every
 * token is (JSON.parse does not always); then the first other problem, in
 * an author's words with the fix. Only a name given twice, which JSON.parse
 * lets pass, comes from `yaml`. Empty: valid JSON.
 */
export function jsonSyntaxProblems(file: string, text: string, doc: Document, what: string, ruleId: string): VFileMessage[] {
  const body = text.replace(/^\uFEFF/, "");
  const offset = text.length - body.length;
  if (jsonError(body) === undefined) {
    return doc.errors.filter((e) => e.code === "DUPLICATE_KEY").map((e) => diagnostic(file, `${what} names this field twice in the same object; keep one of them`, placeAt(text, e.pos[0]), ruleId));
  }
  const { rest, slips } = carriedOverSlips(body);
  const other = otherProblem(rest);
  const found = other === undefined ? slips : [...slips, other];
  return found.sort((a, b) => a.at - b.at).map((problem) => diagnostic(file, `${what} is not valid JSON: ${problem.reason}`, placeAt(text, offset + problem.at), ruleId));
}

interface Problem {
  /** Offset in the text (after any byte order mark). */
  at: number;
  reason: string;
}

const COMMENT = "JSON has no comments: remove this one";
const TRAILING_COMMA = "remove this comma: in JSON no comma may follow the last field of an object or the last item of a list";
const EXTRA_COMMA = "a comma too many: remove this one; one comma goes between two fields or two items";

/** Comments and trailing commas, each a problem, and the text with them blanked out (same length and lines) for what else is wrong. */
function carriedOverSlips(body: string): { rest: string; slips: Problem[] } {
  const slips: Problem[] = [];
  let rest = body;
  for (const error of jsoncErrors(rest)) {
    if (printParseErrorCode(error.error) !== "InvalidCommentToken") continue;
    slips.push({ at: error.offset, reason: COMMENT });
    rest = blank(rest, error.offset, error.offset + error.length);
  }
  // Again while new ones turn up: with one blanked, the comma before it (`1,,}`) is the last one.
  for (let more = true; more; ) {
    const commas = new Set(jsoncErrors(rest).map((error) => commaBefore(rest, error.offset)).filter((at) => at !== undefined));
    for (const comma of commas) {
      slips.push({ at: comma, reason: TRAILING_COMMA });
      rest = blank(rest, comma, comma + 1);
    }
    more = commas.size > 0;
  }
  return { rest, slips };
}

function jsoncErrors(text: string): ParseError[] {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  return errors;
}

/** The comma just before a closing } or ] at `at` (blanks between), if there is one. */
function commaBefore(text: string, at: number): number | undefined {
  if (text[at] !== "}" && text[at] !== "]") return undefined;
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i] ?? "")) i--;
  return text[i] === "," ? i : undefined;
}

/** `text` with [from, to) turned into spaces, its line breaks kept, so every place after it stays where it was. */
function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + text.slice(from, to).replace(/[^\r\n]/g, " ") + text.slice(to);
}

/** The first problem JSON.parse finds in what is left, placed where it says or, when it does not say, where jsonc-parser does. */
function otherProblem(text: string): Problem | undefined {
  const message = jsonError(text);
  if (message === undefined) return undefined;
  const said = /at position (\d+)/.exec(message)?.[1];
  // JSON.parse names no place for some mistakes ("Unexpected token"): jsonc-parser's first error is that place, and says what it is.
  const first = said === undefined ? jsoncErrors(text)[0] : undefined;
  const at = said !== undefined ? Number(said) : (first?.offset ?? text.length);
  // Whatever JSON.parse expected, at the very end the file was cut short: say so.
  if (at >= text.trimEnd().length) return { at, reason: "the file ends too early: a closing } or ] (or \") is missing" };
  // `"title": "x",,` read as a field name that is not quoted: the fix is to delete the comma, not to quote anything.
  if (text[at] === "," && /[,{[]\s*$/.test(text.slice(Math.max(0, at - 1000), at))) return { at, reason: EXTRA_COMMA };
  return { at, reason: (first === undefined ? undefined : JSONC_EXPLAINED[printParseErrorCode(first.error)]) ?? explain(message) };
}

function jsonError(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const EXPLAINED: Array<[RegExp, string]> = [
  [/Expected ',' or '\}' after property value/, "a comma is missing before this point (after the value before it), or the } that closes the object"],
  [/Expected ',' or '\]' after array element/, "a comma is missing between two items of a list, or the ] that closes it"],
  [/Expected double-quoted property name|Expected property name or '\}'/, 'a field name must be in double quotes ("title")'],
  [/Expected ':' after property name/, 'a colon is missing after the field name: "name": value'],
  [/Bad control character in string literal|Unterminated string/, 'a text value is not closed: end it with " on the same line'],
  [/Unexpected non-whitespace character after JSON/, "the settings end before this point: remove the extra } or ] or text here"],
  [/Unterminated fractional number|No number after minus sign|Exponent part is missing a number/, "this number is not written as JSON writes numbers: digits after the decimal point, no leading + or zeros"],
];

/** jsonc-parser's names for what it found, where JSON.parse gave no place. */
const JSONC_EXPLAINED: Readonly<Record<string, string>> = {
  InvalidSymbol: 'this is not a JSON value: text goes in double quotes ("…"), and true, false and null are written in lower case',
  InvalidNumberFormat: "this number is not written as JSON writes numbers: digits after the decimal point, no leading + or zeros",
  ValueExpected: "a value is missing here",
};

function explain(message: string): string {
  const known = EXPLAINED.find(([pattern]) => pattern.test(message));
  if (known !== undefined) return known[1];
  // Anything else, as JSON.parse says it, without its offset or its quote of the text (the place says where).
  return `${message.replace(/ in JSON at position \d+.*$/s, "").replace(/, ".*" is not valid JSON$/s, "").replace(/^Unexpected token/, "unexpected character")}; check the quotes, commas and brackets around here`;
}

function placeAt(text: string, offset: number): Place {
  const before = text.slice(0, Math.min(offset, text.length)).replace(/^\uFEFF/, "");
  const line = before.split("\n").length;
  return { line, column: before.length - before.lastIndexOf("\n") };
}
