import type { VFileMessage } from "vfile-message";
import type { Document } from "yaml";
import { diagnostic, type Place } from "./diagnostics.js";

/**
 * JSON files the author edits (gekkan.config.json, locale packs) are read
 * with `yaml` for the places of their values, but YAML accepts what JSON
 * does not (`[1 2]` is the string "1 2", unquoted or single-quoted names, a
 * trailing comma) and words its errors for YAML. The syntax is judged by
 * JSON.parse, and said in an author's words with the fix; only a name given
 * twice, which JSON.parse lets pass, comes from `yaml`. Empty: valid JSON.
 */
export function jsonSyntaxProblems(file: string, text: string, doc: Document, what: string, ruleId: string): VFileMessage[] {
  const body = text.replace(/^\uFEFF/, "");
  const offset = text.length - body.length;
  try {
    JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const found = /at position (\d+)/.exec(message)?.[1];
    const at = found === undefined ? body.length : Number(found);
    // Whatever JSON.parse expected, at the very end the file was cut short: say so.
    const reason = at >= body.trimEnd().length ? "the file ends too early: a closing } or ] (or \") is missing" : explain(message);
    return [diagnostic(file, `${what} is not valid JSON: ${reason}`, placeAt(text, offset + at), ruleId)];
  }
  return doc.errors.filter((e) => e.code === "DUPLICATE_KEY").map((e) => diagnostic(file, `${what} names this field twice in the same object; keep one of them`, placeAt(text, e.pos[0]), ruleId));
}

const EXPLAINED: Array<[RegExp, string]> = [
  [/Expected ',' or '\}' after property value/, "a comma is missing before this point (after the value before it), or the } that closes the object"],
  [/Expected ',' or '\]' after array element/, "a comma is missing between two items of a list, or the ] that closes it"],
  [/Expected double-quoted property name|Expected property name or '\}'/, 'a field name must be in double quotes ("title"), and no comma may follow the last field of an object'],
  [/Expected ':' after property name/, 'a colon is missing after the field name: "name": value'],
  [/Bad control character in string literal|Unterminated string/, 'a text value is not closed: end it with " on the same line'],
  [/Unexpected non-whitespace character after JSON/, "the settings end before this point: remove the extra } or ] or text here"],
];

function explain(message: string): string {
  const known = EXPLAINED.find(([pattern]) => pattern.test(message));
  if (known !== undefined) return known[1];
  // Anything else, as JSON.parse says it, without its offset (the place says where).
  return `${message.replace(/ in JSON at position \d+.*$/s, "").replace(/^Unexpected token/, "unexpected character")}; check the quotes, commas and brackets around here`;
}

function placeAt(text: string, offset: number): Place {
  const before = text.slice(0, Math.min(offset, text.length)).replace(/^\uFEFF/, "");
  const line = before.split("\n").length;
  return { line, column: before.length - before.lastIndexOf("\n") };
}
