import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import { trimSpacesEnd } from "../trim-end.js";

/** The start of a field line: its indent and its name, up to the colon. What follows is read by hand (see fieldLine). */
const FIELD_START = /^([ \t]*)([A-Za-z][\w-]*):/;

export interface IndentedField {
  message: VFileMessage;
  /** The lines (1-based) where YAML reports the same mistake in its own words: the field's, the one above and the one below. */
  lines: readonly number[];
}

/**
 * `  draft: true` under `date: 2011-07-01`: a field indented with spaces (a
 * paste, an editor's auto-indent). YAML reads it as part of the value above
 * and says "Nested mappings are not allowed in compact mappings" or "All
 * mapping items must start at the same column", twice or three times, at
 * the line above: words about the parser, not the fix. Only asked once YAML
 * has failed, so an indented line that YAML reads fine (a list item, a
 * block scalar's text) is never named. Tabs and full-width spaces have
 * their own messages (yaml-errors.ts, front-matter.ts).
 */
export function indentedFields(file: string, head: string): IndentedField[] {
  const found: IndentedField[] = [];
  const lines = head.split("\n");
  // The value of the field or list item above, while it is one that no indented line can go on with.
  let closed = false;
  lines.forEach((line, i) => {
    const field = fieldLine(line);
    if (field === undefined) {
      const item = /^ *-[ \t]/.exec(line);
      // A list item closes its list's field like a value; a comment changes nothing; anything else (a blank line too) is not a field.
      if (item !== null) {
        const value = blanksCut(line.slice(item[0].length));
        closed = closedValue(value) && fieldLine(value) === undefined;
      } else if (!/^[ \t]*#/.test(line)) closed = false;
      return;
    }
    const { indent, name, value } = field;
    if (indent.includes("\t")) {
      // YAML names a tab-indented line itself (yaml-errors.ts); its value still closes it, so a space-indented field under it is named here.
      closed = closedValue(value);
      return;
    }
    // The first field indented: every field after it is misread, so YAML's errors about all of them go with this one.
    const first = i === 1 && lines.slice(2).some((next) => /^[A-Za-z][\w-]*:/.test(next));
    if (indent.length > 0 && (closed || first)) {
      const fix = `${name}:${value === "" ? "" : ` ${value}`}`;
      const reason = `"${name}" is indented, so YAML does not read it as a field of its own; a field starts at the beginning of the line: write ${fix}`;
      found.push({ message: diagnostic(file, reason, { line: i + 1, column: 1 }, "yaml-syntax"), lines: first ? lines.map((_, n) => n + 1) : [i, i + 1, i + 2] });
      closed = closedValue(value);
      return;
    }
    closed = indent.length === 0 && closedValue(value);
  });
  return found;
}

/**
 * `  name: value` as indent, name and value (blanks around it cut); undefined for any other line.
 * By hand past the colon: a pattern such as `:[ \t]+(.*?)[ \t]*$` retried a long run of tabs from
 * each of its characters (minutes for 300,000 of them; test/reliability/hostile-input.test.ts).
 */
function fieldLine(line: string): { indent: string; name: string; value: string } | undefined {
  const start = FIELD_START.exec(line);
  if (start === null) return undefined;
  const rest = line.slice(start[0].length).replace(/\r$/, "");
  if (rest !== "" && rest[0] !== " " && rest[0] !== "\t") return undefined;
  return { indent: start[1] ?? "", name: start[2] ?? "", value: blanksCut(rest) };
}

/** `text` without the spaces and tabs around it. */
function blanksCut(text: string): string {
  let from = 0;
  while (from < text.length && (text[from] === " " || text[from] === "\t")) from++;
  return trimSpacesEnd(text.slice(from));
}

/** A value that ends on its own line: not empty (a list or mapping may follow, indented), not a block scalar, its quotes or brackets closed. */
function closedValue(value: string): boolean {
  if (value === "" || /^[|>]/.test(value)) return false;
  const ends: Record<string, string> = { '"': '"', "'": "'", "[": "]", "{": "}" };
  const end = ends[value[0] ?? ""];
  return end === undefined || (value.length > 1 && value.endsWith(end));
}
