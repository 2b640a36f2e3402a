import type { YAMLError } from "yaml";
import { fieldAt, quotedField, type FieldLine } from "./yaml-field-at.js";

type Reason = { reason: string; offset: number };

/**
 * A field's value typed as text but starting with a character YAML gives a
 * meaning: `title: - x` (a list item), `title: "Pacemaker" リリース` (a quoted
 * string with more after it), `title: [draft] 第1号` (a list), `title: @x`
 * (a character YAML keeps for itself). yaml names its own tokens ("Unexpected
 * block-seq-ind on same line with key"); the author needs the quoted line.
 */
export function valueSlip(source: string, offset: number): Reason | undefined {
  const field = fieldAt(source, offset);
  if (field === undefined) return undefined;
  const named = `the value of "${field.key}"`;
  const fix = `put the whole value in quotes: ${quotedField(field)}`;
  const { value, at } = field;
  if (/^-(?:[ \t]|$)/.test(value)) {
    return { reason: `${named} starts with "- ", which YAML reads as a list item, and a list cannot start on its field's line; ${fix}; or, for a list, leave "${field.key}:" with nothing after it and write each item on a line of its own below it, indented by two spaces: ${value}`, offset: at };
  }
  const closed = closedPart(value);
  if (closed !== undefined) return closedThenText(field, closed, named, fix);
  if (/^[@`%,]/.test(value) || /^[?:](?:[ \t]|$)/.test(value)) {
    return { reason: `${named} starts with "${value[0] ?? ""}", which YAML does not allow at the start of a value written without quotes; ${fix}`, offset: at };
  }
  if (/^[|>]/.test(value)) {
    return { reason: `${named} starts with "${value[0] ?? ""}", which YAML reads as the start of a block of text on the lines below, with nothing after it on this line; ${fix}`, offset: at };
  }
  return undefined;
}

/** A value that starts quoted or bracketed and goes on after the closing mark: `"a" b`, `[draft] 第1号`, `"a"#x`, `[a, b]]`. */
function closedThenText(field: FieldLine, closed: number, named: string, fix: string): Reason {
  const { value, at } = field;
  const opening = value[0] ?? "";
  const rest = value.slice(closed + 1);
  const where = at + closed + 1;
  if (rest.startsWith("#")) return { reason: `a "#" right after ${opening === "[" || opening === "{" ? `the closing "${value[closed] ?? ""}"` : "the closing quote"} starts no comment, and YAML allows nothing else there; put a space before the "#" if it starts a comment, or ${fix}`, offset: where };
  if (/^[\]}]+$/.test(rest)) return { reason: `${named} closes with "${rest}" once more than it opens; delete the last "${rest.slice(-1)}"`, offset: where };
  if (opening === "\"" || opening === "'") return { reason: `${named} is quoted only in part (${value.slice(0, closed + 1)}), and YAML allows nothing after the closing quote; ${fix}`, offset: at };
  const what = opening === "[" ? `a list up to its "]"` : `a set of fields up to its "}"`;
  return { reason: `${named} starts with "${opening}", which YAML reads as ${what}, and nothing may follow that; ${fix}`, offset: at };
}

/** Where the quoted or bracketed start of `value` closes, when text follows the close on the line; undefined otherwise. */
function closedPart(value: string): number | undefined {
  const opening = value[0];
  let close = -1;
  if (opening === "'") close = /^'(?:[^']|'')*'/.exec(value)?.[0].length ?? 0;
  else if (opening === "\"") close = /^"(?:[^"\\]|\\.)*"/.exec(value)?.[0].length ?? 0;
  else if (opening === "[" || opening === "{") close = bracketEnd(value) + 1;
  close -= 1;
  if (close < 1) return undefined;
  const rest = value.slice(close + 1);
  return rest === "" || /^[ \t]+#/.test(rest) ? undefined : close;
}

/** The index of the bracket that closes the one `value` starts with, quotes skipped; -1 when none does. */
function bracketEnd(value: string): number {
  let depth = 0;
  let quote = "";
  for (let i = 0; i < value.length; i++) {
    const char = value[i] ?? "";
    if (quote !== "") {
      if (char === quote) quote = "";
    } else if (char === "\"" || char === "'") quote = char;
    else if (char === "[" || char === "{") depth++;
    else if ((char === "]" || char === "}") && --depth === 0) return i;
  }
  return -1;
}

/**
 * `title: "C:\temp\q"`: inside double quotes a backslash starts an escape,
 * and yaml says "Invalid escape sequence \q". Single quotes keep backslashes.
 */
export function escapeSlip(error: YAMLError, source: string, offset: number): Reason | undefined {
  const escape = /^Invalid escape sequence (\S+)/.exec(error.message)?.[1];
  if (escape === undefined) return undefined;
  const field = fieldAt(source, offset);
  const inner = field === undefined ? undefined : /^"(.*)"$/.exec(field.value)?.[1];
  const single = field !== undefined && inner !== undefined && !inner.includes("'") ? ` or single quotes, which keep backslashes as typed: ${field.indent}${field.key}: '${inner.replace(/\\\\/g, "\\")}'` : "";
  return { reason: `inside double quotes a backslash starts an escape, and "${escape}" is none; write \\\\ for a backslash,${single === "" ? " or use single quotes" : single}`, offset };
}
