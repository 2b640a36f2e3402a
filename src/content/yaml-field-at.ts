import { trimSpacesEnd } from "../trim-end.js";

/** A `key: value` line of front matter: its indent, field name, value (trailing blanks cut) and where the value starts in the source. */
export interface FieldLine {
  indent: string;
  key: string;
  value: string;
  at: number;
}

/** The `key: value` line around `offset`, if the line has that shape. */
export function fieldAt(source: string, offset: number): FieldLine | undefined {
  const lineStart = source.lastIndexOf("\n", Math.max(0, offset - 1)) + 1;
  const lineEnd = source.indexOf("\n", lineStart);
  const line = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, "");
  // The value's trailing blanks are cut afterwards: `(\S.*?)[ \t]*$` retried the blanks from every character of a long run of them.
  // A list item's field (`  - a: b: c`) is named without its dash, which stays with the indent. The indent is
  // taken whole (a lookahead does not backtrack): `- - - …` without a colon was otherwise retried from each dash.
  const match = /^(?=((?:[ \t]*-[ \t]+)*[ \t]*))\1([^\s:#'"][^:#]*?):[ \t]+(\S.*)$/.exec(line);
  if (!match) return undefined;
  const [, indent = "", key = ""] = match;
  const value = trimSpacesEnd(match[3] ?? "");
  return { indent, key, value, at: lineStart + line.indexOf(value, indent.length + key.length + 1) };
}

/**
 * The field written with its whole value in quotes, as the fix to paste.
 * Single quotes when the value holds double ones (`"Pacemaker" リリース`),
 * which then need no backslashes; double quotes otherwise.
 */
export function quotedField(field: FieldLine): string {
  const { indent, key, value } = field;
  const quoted = value.includes("\"") && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
  return `${indent}${key}: ${quoted}`;
}
