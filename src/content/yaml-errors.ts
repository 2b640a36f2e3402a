import type { YAMLError } from "yaml";
import { trimSpacesEnd } from "../trim-end.js";
import { fieldAt, quotedField } from "./yaml-field-at.js";
import { leadingList, lineSlip } from "./yaml-line-slips.js";
import { escapeSlip, valueSlip } from "./yaml-value-slips.js";

/**
 * One YAML error in an author's words, and where to point: yaml's own
 * messages describe the parser ("Nested mappings are not allowed in
 * compact mappings"), not the fix. None of them reaches the author: a
 * shape not recognised gets a plain reason too (`unreadableLine`).
 */
export function yamlErrorReason(error: YAMLError, source: string): { reason: string; offset: number } {
  const offset = error.pos[0];
  if (error.code === "MISSING_CHAR") {
    const opening = openingQuote(source, offset, error.message);
    if (opening !== undefined) return { reason: `the quoted string that starts here is never closed (add the closing ${source[opening] ?? "quote"})`, offset: opening };
  }
  const dashes = dashLineBefore(source, offset);
  if (dashes !== undefined) return { reason: "this line starts with --- but is not the closing line, which must hold only ---; remove what follows the dashes, or the whole line", offset: dashes };
  const line = lineSlip(error, source, offset);
  if (line !== undefined) return line;
  if (error.code === "BLOCK_AS_IMPLICIT_KEY" || error.code === "MULTILINE_IMPLICIT_KEY") {
    const colon = colonInValue(source, offset);
    if (colon !== undefined) return colon;
  }
  if (error.code === "BAD_INDENT") {
    const unclosed = unclosedFlow(source, offset, error.message);
    if (unclosed !== undefined) return unclosed;
  }
  if (error.code === "DUPLICATE_KEY") {
    const repeated = repeatedField(source, offset);
    if (repeated !== undefined) return { reason: repeated, offset };
  }
  const marked = markedValue(source, offset);
  if (marked !== undefined) return marked;
  if (error.code === "TAB_AS_INDENT") return { reason: "this line is indented with a tab, and YAML indents with spaces only: delete the tab (a field starts at the beginning of the line), or indent with spaces", offset };
  return leadingList(source, offset) ?? valueSlip(source, offset) ?? escapeSlip(error, source, offset) ?? unreadableLine(error, source, offset);
}

/**
 * The last word for a shape not recognised above: what YAML needs of the
 * line, never yaml's own message, which names its tokens ("Unexpected
 * scalar at node end") and not what the author typed.
 */
function unreadableLine(error: YAMLError, source: string, offset: number): { reason: string; offset: number } {
  if (/^Unexpected (?:,|empty item) in flow/.test(error.message)) return { reason: "a list here has two commas with no item between them; delete one", offset };
  const field = fieldAt(source, offset);
  const lineStart = source.lastIndexOf("\n", Math.max(0, offset - 1)) + 1;
  if (field !== undefined && /^[^\p{L}\p{N}_]/u.test(field.key)) {
    // `}ate: 2011-07-01`, `*ags: [...]`: a stray mark before the name, which YAML reads as the mark's, not as text.
    return { reason: `the field name "${field.key}" starts with "${field.key[0] ?? ""}", which YAML does not read as part of a name; type the name alone: ${field.indent}${field.key.slice(1)}: ${field.value}`, offset: lineStart + field.indent.length };
  }
  if (field !== undefined) {
    return { reason: `YAML cannot read the value of "${field.key}" as typed; a value holding characters YAML gives a meaning (: # [ ] { } , & * ! | > ' " % @ \`) is read as text only in quotes: ${quotedField(field)}`, offset: field.at };
  }
  // Sticky, from the line's start: slicing the rest of the front matter for each error made many errors slow.
  const blanks = /[ \t]*/y;
  blanks.lastIndex = lineStart;
  const indent = blanks.exec(source)?.[0] ?? "";
  if (indent !== "") return { reason: `this line is indented by ${String(indent.length)} ${indent.length === 1 ? "space" : "spaces"} and YAML cannot fit it under the lines above; a field starts at the beginning of the line, and the items of one list start at the same column under their field`, offset: lineStart };
  return { reason: "YAML cannot read this line as a field; a field is written name: value, from the beginning of the line", offset: lineStart };
}

/**
 * `---x` or `--- end`: meant as the closing fence, read as YAML. The error
 * may be reported on the line itself or where the next field fails.
 */
function dashLineBefore(source: string, offset: number): number | undefined {
  const lineStart = source.lastIndexOf("\n", Math.max(0, offset - 1)) + 1;
  const previous = source.lastIndexOf("\n", Math.max(0, lineStart - 2)) + 1;
  for (const start of [lineStart, previous]) {
    if (start > 0 && source.startsWith("---", start)) return start;
  }
  return undefined;
}

/**
 * `title: Pacemaker 1.1.6: 予定`: the second ": " makes YAML read a mapping
 * inside the value. The fix is quotes around the whole value.
 */
function colonInValue(source: string, offset: number): { reason: string; offset: number } | undefined {
  const field = fieldAt(source, offset);
  if (field === undefined || !/:(?:[ \t]|$)/.test(field.value) || /^["'[{|>&*!]/.test(field.value)) return undefined;
  const { indent, key, value, at } = field;
  return { reason: `the value of "${key}" contains ": ", which YAML reads as the start of another field; put the whole value in quotes: ${indent}${key}: ${JSON.stringify(value)}`, offset: at };
}

/**
 * `title: !速報 新リリース`, `title: *注意 リリース`: a value starting with
 * "!", "&" or "*" is read as a tag, an anchor or an alias, and the words
 * after it then fail to parse. The fix is quotes around the whole value.
 */
function markedValue(source: string, offset: number): { reason: string; offset: number } | undefined {
  const field = fieldAt(source, offset);
  const mark = field?.value[0] ?? "";
  if (field === undefined || /^[!&*]/.test(field.key) || !/^[!&*]/.test(field.value)) return undefined;
  const { indent, key, value, at } = field;
  const what = mark === "!" ? "a tag" : mark === "&" ? "an anchor" : "an alias (a reference to another value)";
  return { reason: `the value of "${key}" starts with "${mark}", which YAML reads as ${what}, not as text; put the whole value in quotes: ${indent}${key}: ${JSON.stringify(value)}`, offset: at };
}

/**
 * yaml reports a missing closing quote where the text runs out, which can be
 * lines below the mistake; the opening quote is the place to fix.
 */
function openingQuote(text: string, end: number, message: string): number | undefined {
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  if (quote === undefined) return undefined;
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] === quote && !(quote === "\"" && text[i - 1] === "\\")) return i;
  }
  return undefined;
}

/**
 * `tags: [pacemaker, stonith` without its "]": yaml reports it on the next
 * field, in its own terms ("Flow sequence in block collection must be
 * sufficiently indented"); the place to fix is the "[" left open.
 */
function unclosedFlow(source: string, offset: number, message: string): { reason: string; offset: number } | undefined {
  const kind = /^Flow (sequence|map) in block collection/.exec(message)?.[1];
  if (kind === undefined) return undefined;
  const [open, close] = kind === "sequence" ? ["[", "]"] : ["{", "}"];
  let depth = 0;
  let at = -1;
  for (let i = Math.min(offset, source.length) - 1; i >= 0 && at === -1; i--) {
    if (source[i] === close) depth++;
    else if (source[i] === open && depth-- === 0) at = i;
  }
  if (at === -1) return undefined;
  const lineStart = source.lastIndexOf("\n", at) + 1;
  const lineEnd = source.indexOf("\n", at);
  const whole = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  // A comment after the items stays after them: the "]" goes before it.
  const comment = whole.search(/[ \t]#/);
  const line = trimSpacesEnd(comment === -1 ? whole : whole.slice(0, comment)).replace(/,$/, "");
  const what = kind === "sequence" ? "list" : "set of fields";
  return { reason: `the ${what} that starts here with "${open}" is never closed; end it with "${close}": ${line}${close}`, offset: at };
}

/**
 * `issue: 4` twice (a field copied from the issue before and edited lower
 * down): yaml said "Map keys must be unique", which names neither the field
 * nor the other line. The field is named with the line that gave it first.
 */
function repeatedField(source: string, offset: number): string | undefined {
  const lines = source.split("\n");
  const at = source.slice(0, offset).split("\n").length - 1;
  // Indent and name, quotes taken off: "title": and title: are the same field.
  const field = (line: string | undefined) => {
    const [, indent = "", name] = /^([ \t]*)([^\s:#][^:]*?)[ \t]*:(?:[ \t]|$)/.exec(line ?? "") ?? [];
    return name === undefined ? undefined : `${indent}${name.replace(/^(["'])(.*)\1$/, "$2")}`;
  };
  const repeated = field(lines[at]);
  if (repeated === undefined) return undefined;
  const key = repeated.trimStart();
  // The same name at the same indent: a field of the same mapping (a nested one's fields are indented).
  const first = lines.slice(0, at).findIndex((line) => field(line) === repeated);
  const where = first === -1 ? "" : ` (first on line ${String(first + 1)})`;
  return `"${key}" is given twice in the front matter${where}, and only one value can count; keep the one you mean and delete the other`;
}
