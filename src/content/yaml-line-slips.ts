import type { YAMLError } from "yaml";
import { frontMatterExpectations } from "./schema.js";
import { trimSpacesEnd } from "../trim-end.js";

type Reason = { reason: string; offset: number };

/** The fields an issue has, by name: a line starting with one of them and no colon is that field with its colon forgotten. */
const FIELDS = new Set(Object.keys(frontMatterExpectations({ components: [], languages: [] })));

/** A line YAML may read as a field: `name:` followed by a blank or the line's end. */
const FIELD_LINE = /^[^\s:#][^:#]*:(?:[ \t]|$)/;

/**
 * A line at the start of the front matter's lines that is no field: a
 * Markdown line typed among the fields (`本文の書き出し`), a field with its
 * colon forgotten (`issue 1`) or its space (`title:第1号`), a list item under
 * a field that has a value. YAML joins such a line with the next into one
 * long field name and says "Implicit keys need to be on a single line" or
 * "Implicit map keys need to be followed by map values", naming neither the
 * line nor what to do with it.
 */
export function lineSlip(error: YAMLError, source: string, offset: number): Reason | undefined {
  const lineStart = source.lastIndexOf("\n", Math.max(0, offset - 1)) + 1;
  const lineEnd = source.indexOf("\n", lineStart);
  const line = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, "");
  if (error.code === "MULTIPLE_DOCS") return documentEnd(source, offset);
  if (error.message.startsWith("Missing directives-end")) return directive(source);
  if (/^-(?:[ \t]|$)/.test(line)) return strayList(source, lineStart);
  const above = lineAbove(source, lineStart).line;
  if (line.trim() === "" || /^[ \t#]/.test(line) || FIELD_LINE.test(line)) return undefined;
  const spaceless = /^([A-Za-z][\w-]*):(\S.*)$/.exec(line);
  if (spaceless !== null && !spaceless[2]?.startsWith("//")) {
    return { reason: `there is no space after "${spaceless[1] ?? ""}:", so YAML reads no field here; type a space after the colon: ${spaceless[1] ?? ""}: ${spaceless[2] ?? ""}`, offset: lineStart };
  }
  const colonless = /^([A-Za-z][\w-]*)(?:[ \t]+(\S.*))?$/.exec(line);
  if (colonless !== null && FIELDS.has(colonless[1] ?? "") && !line.includes(":")) {
    const [, key = "", value] = colonless;
    const fix = value === undefined ? `${key}: followed by its value` : `${key}: ${value}`;
    return { reason: `"${key}" has no colon after it, so YAML reads no field here; write ${fix}`, offset: lineStart };
  }
  return { reason: `this line is not a field ("name: value"), so YAML cannot read it${emptyFieldHint(above, line)}; if it is the issue's text, move it below the closing ---`, offset: lineStart };
}

/** The line above, for a value typed on the line under its field (`title:` then `第1号`), or going on from it (`summary: 一行目` then `二行目`). */
function emptyFieldHint(above: string, line: string): string {
  // Blanks cut first: `[ \t]*` on both sides of the optional mark retried a long run of them from each of its characters.
  const empty = /^([^\s:#][^:#]*?):[ \t]*([|>][+-]?)?$/.exec(trimSpacesEnd(above));
  // Only a text field goes on over lines: a date or a number would not take the line.
  const valued = /^(title|summary):[ \t]+[^\s"'[{|>&*!#@`%,?-]/.exec(above)?.[1];
  if (empty === null) return valued === undefined ? "" : `; if it goes on with the value of "${valued}" above, indent it by two spaces`;
  const [, key = "", block] = empty;
  if (block !== undefined) return `; if it is the text of "${key}", indent it by two spaces`;
  // A line starting with a mark of YAML's (`* - 山田`) is no value to paste after the colon.
  if (/^[-*&!?:,[\]{}#|>@`%'"]/.test(line)) return "";
  return `; if it is the value of "${key}", write it on that field's line, after the colon: ${key}: ${line.trim()}`;
}

/**
 * `- a` under `title: 第1号`: a list item under a field that has its value.
 * Every item of that list is the same mistake: an item under another is
 * placed at the one above, where it was said (front-matter.ts says one
 * reason a line), rather than walking up to the field from every item.
 */
function strayList(source: string, lineStart: number): Reason | undefined {
  const above = lineAbove(source, lineStart);
  if (/^-(?:[ \t]|$)/.test(above.line)) return { reason: "this list item is one of a list that belongs to no field; a list goes under a field with nothing after its colon (tags:), its items indented", offset: above.start };
  const field = /^([^\s:#-][^:#]*?):[ \t]*\S/.exec(above.line)?.[1];
  if (field === undefined) return undefined;
  return { reason: `this line is a list item ("- "), but "${field}" above it has its value on its own line, so the list belongs to no field; a list goes under a field with nothing after its colon (tags:), its items indented; if the line is the issue's text, move it below the closing ---`, offset: lineStart };
}

/** The nearest line above `lineStart` that is not blank, without its line break, and where it starts. */
function lineAbove(source: string, lineStart: number): { line: string; start: number } {
  // Walked back line by line, not split: every error asks, and the front matter may be long.
  let end = lineStart - 1;
  while (end > 0) {
    const start = source.lastIndexOf("\n", end - 1) + 1;
    const line = source.slice(start, end).replace(/\r$/, "");
    if (line.trim() !== "") return { line, start };
    end = start - 1;
  }
  return { line: "", start: 0 };
}

/**
 * A line of `...` (an ellipsis typed as a pause, or a YAML document end):
 * YAML ends the front matter's fields there and fails on the next line.
 */
function documentEnd(source: string, offset: number): Reason | undefined {
  const ends = [...source.slice(0, offset).matchAll(/^\.\.\.[ \t]*\r?$/gm)];
  const last = ends[ends.length - 1];
  if (last === undefined) return undefined;
  return { reason: `a line of "..." ends YAML's reading of the front matter, so the fields below it would not be read; delete the line`, offset: last.index };
}

/** `%YAML 1.2` or a line starting with `%`: a YAML directive, which only a document with its own --- may have. */
function directive(source: string): Reason | undefined {
  const line = /^%.*$/m.exec(source);
  if (line === null) return undefined;
  return { reason: `a line starting with "%" is a YAML directive, which front matter cannot hold; delete the line`, offset: line.index };
}

/**
 * `  - c` pasted above `title:`: YAML reads the front matter as a list, and
 * fails on the first field below it ("Unexpected scalar at node end"). The
 * list item is the line to fix.
 */
export function leadingList(source: string, offset: number): Reason | undefined {
  // From the front matter's start only (no m flag): a list further down is some field's.
  const first = /^(?:[ \t]*(?:#.*)?\r?\n)*([ \t]*-(?:[ \t].*)?)(?:\n|$)/.exec(source);
  const at = first === null ? -1 : first[0].length - (first[1] ?? "").length - (first[0].endsWith("\n") ? 1 : 0);
  if (first === null || at >= offset || source.lastIndexOf("\n", offset - 1) < at) return undefined;
  return { reason: `the front matter starts with a list item (${(first[1] ?? "").trim()}), so YAML reads it all as one list and none of the fields below it; delete the line, or move it under the field it belongs to (tags:), indented`, offset: at };
}
