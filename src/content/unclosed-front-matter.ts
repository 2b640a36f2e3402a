import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";

/**
 * The closing --- forgotten, and a --- further down (a Q&A's separator, a
 * rule) taken for it: the front matter then holds the first lines of the
 * text. When they are not YAML, yaml's complaint ("Implicit keys need to be
 * on a single line") names neither the mistake nor the fix; when they are,
 * nothing complains at all: `# 見出し` is a YAML comment and vanishes,
 * `概要: 今月は…` becomes a field. A line after a blank one that cannot
 * start a field, or that is a heading or a field no issue has, is that text.
 * Blank lines between real fields are never questioned.
 */
export function textAmongFields(file: string, head: string): VFileMessage | undefined {
  const lines = head.split("\n");
  const at = bodyStart(lines);
  if (at === undefined) return undefined;
  const line = lines[at] ?? "";
  const read = HEADING.test(line) ? "; YAML reads this heading as a comment, so it would be left out" : JAPANESE_KEY.test(line) ? "; YAML reads this line as a field" : "";
  return diagnostic(file, `front matter is never closed before the issue's text: add a line containing only --- after the last field (line ${lastField(lines, at) + 1}); the --- found further down was taken for it${read}`, { line: at + 1, column: 1 }, "front-matter-unclosed");
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
  const at = bodyStart(lines);
  if (at === undefined) return diagnostic(file, "front matter is never closed: add a line containing only --- after the last field", { line: 1, column: 1 }, "front-matter-unclosed");
  return diagnostic(file, `front matter is never closed before the issue's text: add a line containing only --- after the last field (line ${lastField(lines, at) + 1})`, { line: at + 1, column: 1 }, "front-matter-unclosed");
}

/** `ーーー` or `－－－` typed with a Japanese input method on: meant as the closing line, read as text. */
export function fullWidthFence(file: string, line: string, lineNumber: number): VFileMessage {
  return diagnostic(file, `"${line.trim()}" is typed with full-width dashes, so it does not close the front matter; type three ASCII hyphens: ---`, { line: lineNumber, column: 1 }, "front-matter-full-width");
}

/** A line of three or more dashes from a Japanese input method (ー, －, —, ―, ‐, −, ─). */
export const FULL_WIDTH_FENCE = /^[ \t\u3000]*[ー－—―‐−─]{3,}[ \t\u3000]*\r?$/u;

/** The first line after a blank one that is the text, from line 3 on (line 1 is the opening ---). */
function bodyStart(lines: readonly string[]): number | undefined {
  for (let i = 2; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "" || (lines[i - 1] ?? "").trim() !== "") continue;
    if (!FIELDISH.test(line) || HEADING.test(line) || JAPANESE_KEY.test(line)) return i;
  }
  return undefined;
}

/** The last line before `at` that is neither blank nor a comment. */
function lastField(lines: readonly string[], at: number): number {
  let last = at - 1;
  while (last > 0 && /^\s*(?:#.*)?$/.test(lines[last] ?? "")) last--;
  return last;
}

/**
 * An issue heading (`# 見出し`, `## 見出し`); YAML would take it for a comment,
 * but no one comments front matter so. `# draft: true`, a field commented
 * out, is a comment.
 */
const HEADING = /^(?:#{2,6}[ \t]|#[ \t]+(?![A-Za-z_][\w-]*[ \t]*:)\S)/;

/** `概要: 今月は…`: a field named in Japanese, which no issue has; text that happens to hold a colon. */
const JAPANESE_KEY = /^[^:#\s][^:]*[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}][^:]*:(?:[ \t]|$)/u;

/** What may start a line of front matter: indentation, a comment, a list item, a quoted or flow value, or `key:`. */
const FIELDISH = /^(?:[ \t]|#|-(?:[ \t]|$)|["'[{]|[^:#]*:(?:[ \t]|$))/;
