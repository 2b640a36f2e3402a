import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import { joinedList } from "./list-after-fields.js";

/**
 * The closing --- forgotten, and a --- further down (a Q&A's separator, a
 * rule) taken for it: the front matter then holds the first lines of the
 * text. When they are not YAML, yaml's complaint ("Implicit keys need to be
 * on a single line") names neither the mistake nor the fix; when they are,
 * nothing complains at all: `# 見出し` is a YAML comment and vanishes,
 * `概要: 今月は…` becomes a field. A line after a blank one that cannot
 * start a field, or that is a field no issue has, is that text; a heading,
 * or such a field straight under the others, is only with evidence (see
 * `leadingText`), as a real comment or a mistaken field looks the same.
 * Blank lines and comments between real fields are never questioned.
 */
export function textAmongFields(file: string, head: string): VFileMessage | undefined {
  const lines = head.split("\n");
  const body = bodyStart(lines);
  const at = leadingText(lines, body, {}) ?? body;
  return at === undefined ? undefined : swallowed(file, lines, at, true);
}

/**
 * The YAML failed on the first line under a heading (`# 見出し` then
 * `[Pacemaker](…) が出ました`): that line is text, and so is the heading.
 * `errorLine` is 1-based.
 */
export function textBeforeYamlError(file: string, head: string, errorLine: number): VFileMessage | undefined {
  const lines = head.split("\n");
  const at = leadingText(lines, undefined, { unreadable: errorLine - 1 });
  return at === undefined ? undefined : swallowed(file, lines, at, true);
}

/**
 * No --- closes the front matter anywhere: the message points at the first
 * line of the issue's text (or at a closing line typed with full-width
 * dashes), not at line 1.
 */
export function neverClosed(file: string, text: string): VFileMessage {
  const lines = text.split("\n");
  const fence = lines.findIndex((line, i) => i > 0 && FULL_WIDTH_FENCE.test(line));
  if (fence !== -1) return fullWidthFence(file, lines[fence] ?? "", fence + 1);
  const body = bodyStart(lines);
  const at = leadingText(lines, body, { open: true }) ?? body;
  if (at === undefined) return diagnostic(file, "front matter is never closed: add a line containing only --- after the last field", { line: 1, column: 1 }, "front-matter-unclosed");
  return swallowed(file, lines, at, false);
}

/** `ーーー` or `－－－` typed with a Japanese input method on: meant as the closing line, read as text. */
export function fullWidthFence(file: string, line: string, lineNumber: number): VFileMessage {
  return diagnostic(file, `"${line.trim()}" is typed with full-width dashes, so it does not close the front matter; type three ASCII hyphens: ---`, { line: lineNumber, column: 1 }, "front-matter-full-width");
}

/** A line of three or more dashes from a Japanese input method (ー, －, —, ―, ‐, −, ─). */
export const FULL_WIDTH_FENCE = /^[ \t\u3000]*[ー－—―‐−─]{3,}[ \t\u3000]*\r?$/u;

/**
 * The one message for text taken into the front matter. `closedBelow`: a
 * --- further down ended the YAML there, so what it made of the text (a
 * comment, a field, more of a list) is said too. A list right above the
 * text that YAML adds to `authors:` or `tags:` is the text's start when it
 * cannot be that field's; when it may be, both places for the --- are given.
 */
function swallowed(file: string, lines: readonly string[], found: number, closedBelow: boolean): VFileMessage {
  const list = joinedList(lines, found);
  const at = list?.text === true ? list.start : found;
  const line = lines[at] ?? "";
  const read = !closedBelow ? "" : HEADING.test(line) ? "; YAML reads this heading as a comment, so it would be left out" : isJapaneseKey(line) ? "; YAML reads this line as a field" : at === list?.start ? `; YAML adds this list to "${list.field}" above it` : "";
  const taken = closedBelow ? "; the --- found further down was taken for it" : "";
  const either = list !== undefined && at !== list.start ? `; that keeps the list at line ${list.start + 1} in "${list.field}": if it is part of the text, add the --- after line ${lastField(lines, list.start) + 1} instead` : "";
  return diagnostic(file, `front matter is never closed before the issue's text: add a line containing only --- after the last field (line ${lastField(lines, at) + 1})${taken}${read}${either}`, { line: at + 1, column: 1 }, "front-matter-unclosed");
}

/** The first line after a blank one that cannot be front matter, from line 3 on (line 1 is the opening ---). */
function bodyStart(lines: readonly string[]): number | undefined {
  for (let i = 2; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "" || (lines[i - 1] ?? "").trim() !== "") continue;
    if (isText(line)) return i;
  }
  return undefined;
}

/** What is known beyond the lines: the line YAML failed on (0-based), or that no --- closes the front matter at all. */
interface Evidence {
  unreadable?: number;
  open?: boolean;
}

/**
 * The first heading (`# 今月の話題`, not a commented-out field like
 * `# draft: true`), or Japanese-named field (`概要: 今月は…`) straight under
 * the fields, before `end` that is the text. A comment in a front
 * matter closed where it should be looks the same, so a heading counts only
 * with evidence from the first line under it that is neither blank nor a
 * comment: text, or a line YAML cannot read; a section comment has fields
 * under it. With nothing under it, it is text when nothing closes the front
 * matter, or when it stands apart as Markdown sets a heading, blank lines on
 * both sides and before the --- (a thematic break). A Japanese-named field
 * is an error either way, so a blank line before the --- is evidence enough
 * (the --- right under it may close a front matter with a mistaken field).
 */
function leadingText(lines: readonly string[], end: number | undefined, evidence: Evidence): number | undefined {
  for (let i = 2; i < (end ?? lines.length); i++) {
    const line = lines[i] ?? "";
    const heading = HEADING.test(line) && !COMMENTED_FIELD.test(line);
    if (!heading && !(isJapaneseKey(line) && (lines[i - 1] ?? "").trim() !== "")) continue;
    const next = nextContent(lines, i);
    if (next === undefined ? evidence.open === true || (heading ? standsApart(lines, i) : blankBeforeClose(lines)) : isText(lines[next] ?? "") || (next === evidence.unreadable && !READ_AS_FIELD.test(lines[next] ?? ""))) return i;
  }
  return undefined;
}

/** The line before the --- taken for the closing line is blank, as before a thematic break; a closing line comes straight under the last field. */
function blankBeforeClose(lines: readonly string[]): boolean {
  return (lines[lines.length - 2] ?? "").trim() === "";
}

/** Blank lines above line `at`, and only blank lines (at least one) between it and the end of the head, the --- taken for the closing line. */
function standsApart(lines: readonly string[], at: number): boolean {
  return (lines[at - 1] ?? "").trim() === "" && lines.length - 2 > at && lines.slice(at + 1).every((line) => line.trim() === "");
}

/** The first line after `at` that is neither blank nor a comment. */
function nextContent(lines: readonly string[], at: number): number | undefined {
  for (let i = at + 1; i < lines.length; i++) if (!/^\s*(?:#.*)?$/.test(lines[i] ?? "")) return i;
  return undefined;
}

/**
 * The last line before `at` that is not blank. A comment there (`# draft:
 * true`) is not the text, which starts at `at`: it stays above the ---.
 */
function lastField(lines: readonly string[], at: number): number {
  let last = at - 1;
  while (last > 0 && (lines[last] ?? "").trim() === "") last--;
  return last;
}

/** A line that cannot be front matter, or a field no issue has: the text. */
function isText(line: string): boolean {
  return !FIELDISH.test(line) || isJapaneseKey(line);
}

/**
 * An issue heading (`# 見出し`, `## 見出し`), which YAML takes for a comment,
 * or a comment written like one: `leadingText` tells them apart.
 * `# draft: true`, a field commented out, is a comment.
 */
const HEADING = /^(?:#{2,6}[ \t]|#[ \t]+(?![A-Za-z_][\w-]*[ \t]*:)\S)/;

/** `# draft: true`, `## tags: [a]`: a field set aside, at any number of #. */
const COMMENTED_FIELD = /^#+[ \t]*[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)/;

/** A line YAML reads as part of a field: indented, or `key:` with a field-like name. */
const READ_AS_FIELD = /^(?:[ \t]|[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$))/;

/**
 * `概要: 今月は…`: a field named in Japanese, which no issue has; text that
 * happens to hold a colon. The name is what comes before the first colon, and
 * Japanese after its first character makes it one. Matched in two steps: one
 * pattern for both (`[^:]*[日本][^:]*:`) backtracks over every character of a
 * long line without a colon, which takes seconds.
 */
export function isJapaneseKey(line: string): boolean {
  const key = KEY.exec(line)?.[0];
  if (key === undefined) return false;
  const first = String.fromCodePoint(key.codePointAt(0) ?? 0);
  return JAPANESE.test(key.slice(first.length));
}

const KEY = /^[^:#\s][^:]*(?=:(?:[ \t]|$))/u;
const JAPANESE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

/** What may start a line of front matter: indentation, a comment, a list item, a quoted or flow value, or `key:`. */
const FIELDISH = /^(?:[ \t]|#|-(?:[ \t]|$)|["'[{]|[^:#]*:(?:[ \t]|$))/;
