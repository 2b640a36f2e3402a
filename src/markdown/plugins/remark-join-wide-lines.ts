import type { Root } from "mdast";
import type { Node } from "unist";
import { SKIP, visit } from "unist-util-visit";
import { TEXT_CONTAINERS } from "../reader-text.js";

/**
 * A line broken inside a Japanese sentence (`文章が⏎続きます`), as authors
 * who wrap their Markdown write it: HTML keeps the line break, and
 * Chromium shows it as a space between the two characters, so readers saw
 * `文章が 続きます`. CSS Text 3 says a segment break between two wide
 * characters is removed, and Firefox does; Chromium does not, so the break
 * is taken out here: between two East Asian wide characters (Han, kana,
 * CJK punctuation, full-width forms; not Hangul, which is written with
 * spaces), a soft line break and the spaces around it are removed. Across
 * emphasis and links too (`**強調**⏎です`); a hard break (two spaces or `\`
 * at the line's end) is left alone, and code is never changed.
 *
 * remark-join-cjk-lines does this only inside one text node and counts
 * half-width katakana as wide, so it is not used.
 *
 * Runs after the checks that find an author's mistakes by where text is
 * written in the source: joined text is no longer written so.
 */
export function remarkJoinWideLines() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!TEXT_CONTAINERS.has(node.type)) return undefined;
      joinIn(leaves(node));
      return SKIP;
    });
  };
}

type Leaf = { type: string; value: string };

/** The text and code of a paragraph, heading or table cell, in reading order; a hard break stands between them as a boundary. */
function leaves(container: Node): Leaf[] {
  const found: Leaf[] = [];
  visit(container, (node) => {
    if (node.type === "text" || node.type === "inlineCode") found.push(node as unknown as Leaf);
    else if (node.type === "break" || node.type === "image" || node.type === "html") found.push({ type: "boundary", value: "" });
    return undefined;
  });
  return found;
}

function joinIn(list: Leaf[]): void {
  list.forEach((leaf, i) => {
    if (leaf.type === "text" && leaf.value.includes("\n")) leaf.value = joined(leaf.value, () => lastChar(list, i), () => firstChar(list, i));
  });
}

/**
 * `value` with each soft line break between wide characters removed, with
 * the spaces or tabs around it. Scanned by hand from each newline: a regex
 * for "blanks, a newline, blanks" retries a long run of tabs from every tab
 * in it.
 */
function joined(value: string, before: () => string, after: () => string): string {
  let out = "";
  let from = 0;
  for (let at = value.indexOf("\n"); at !== -1; at = value.indexOf("\n", at + 1)) {
    let start = at;
    while (start > from && isBlank(value.charAt(start - 1))) start--;
    let end = at + 1;
    while (end < value.length && isBlank(value.charAt(end))) end++;
    const left = start > 0 ? value.charAt(start - 1) : before();
    const right = end < value.length ? value.charAt(end) : after();
    if (!isWide(left) || !isWide(right)) continue;
    out += value.slice(from, start);
    from = end;
    at = end - 1;
  }
  return out + value.slice(from);
}

function isBlank(char: string): boolean {
  return char === " " || char === "\t";
}

/** The last character before leaf `i`, or "" at a boundary. */
function lastChar(list: readonly Leaf[], i: number): string {
  for (let j = i - 1; j >= 0; j--) {
    const leaf = list[j];
    if (leaf === undefined || leaf.type === "boundary") return "";
    if (leaf.value !== "") return [...leaf.value].at(-1) ?? "";
  }
  return "";
}

/** The first character after leaf `i`, or "" at a boundary. */
function firstChar(list: readonly Leaf[], i: number): string {
  for (let j = i + 1; j < list.length; j++) {
    const leaf = list[j];
    if (leaf === undefined || leaf.type === "boundary") return "";
    if (leaf.value !== "") return String.fromCodePoint(leaf.value.codePointAt(0) ?? 32);
  }
  return "";
}

/** East Asian wide characters, less Hangul: Han, kana (not half-width katakana), CJK punctuation, full-width forms. */
const WIDE = /^(?:[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3000-\u303F\uFF01-\uFF60\uFFE0-\uFFE6])$/u;
const HALF_WIDTH_KATAKANA = /^[\uFF61-\uFF9F]$/u;

function isWide(char: string): boolean {
  return WIDE.test(char) && !HALF_WIDTH_KATAKANA.test(char);
}
