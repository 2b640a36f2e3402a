import type { Node } from "unist";
import type { Link, Text } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../../diagnostics.js";
import { placeCursor, readerText, type Position } from "../reader-text.js";
import { isLiteral } from "./remark-address-run-on.js";

/**
 * `これは**「重要」**です。そして*『強調』*も`: the pair check finds a
 * `**…**` left whole in the text, but here CommonMark pairs the second
 * `**`'s last star with the next `*`, so the page shows `**「重要」*`
 * followed by emphasis nobody wrote, and no pair is left to find. What is
 * left is an asterisk between a Japanese letter and Japanese punctuation,
 * in the text as printed: never meant (`2**10`, `*注` are left alone).
 * `skip` holds the source offsets already reported by the pair check.
 */
export function strayStars(container: Node, source: string, where: string, skip: ReadonlySet<number>): VFileMessage[] {
  const messages: VFileMessage[] = [];
  visit(container, (node) => {
    if (node.type === "code" || node.type === "inlineCode") return SKIP;
    // A written-out address keeps its stars and tildes (they are part of it); one that took text is reported as such.
    if (node.type === "link" && isLiteral(node as Link, readerText(node))) return SKIP;
    if (node.type !== "text") return undefined;
    const text = node as Text;
    const from = text.position?.start.offset;
    // A text node whose source is not its value (escapes, entities) is left alone: an escaped star is meant.
    if (from === undefined || source.slice(from, text.position?.end.offset) !== text.value) return undefined;
    const placeOf = placeCursor(source, text.position as Position);
    for (const match of strayRuns(text.value)) {
      const at = (match.index ?? 0);
      if (skip.has(from + at)) continue;
      const place = placeOf(at);
      const stars = match[1] ?? match[2] ?? "*";
      const tag = stars === "~~" ? "del" : stars.length === 2 ? "strong" : "em";
      if (place !== undefined) messages.push(diagnostic(where, `"${stars}" is printed as it is: beside Japanese, ${stars} opens or closes ${stars === "~~" ? "a strikethrough" : "emphasis"} only when the text it marks does not start or end with punctuation such as 「」 or （） (or has a space or punctuation outside it); write <${tag}>…</${tag}> around the words instead, or \\${stars.split("").join("\\")} if the ${stars === "~~" ? "tildes are" : "asterisks are"} meant`, place, "emphasis-near-miss"));
    }
    return undefined;
  });
  return messages;
}

/** Japanese letters, and the punctuation Japanese writes with them (CJK symbols and full-width forms, quotes). */
const JAPANESE_LETTER = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]/u;
const JAPANESE_PUNCTUATION = /[\u3001-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\u2018\u2019\u201C\u201D]/u;

/**
 * One or two stars, or two tildes (GFM strikethrough), with a character on
 * both sides and no space (three or more stars are bold italics, left to
 * CommonMark; one tilde is text, see processor.ts).
 */
const RUN = /(?<=[^\s*])(\*{1,2})(?=[^\s*])|(?<=[^\s~])(~~)(?=[^\s~])/gu;

const WORD = /[\p{L}\p{N}]/u;

/** One side is of `kind`, the other a letter or digit: where an emphasis mark stands, not a note mark before a bracket or after a full stop. */
function beside(kind: RegExp, before: string, after: string): boolean {
  return (kind.test(before) && WORD.test(after)) || (WORD.test(before) && kind.test(after));
}

/**
 * A run CommonMark could not pair: between Japanese punctuation and a
 * letter, or a double one between a Japanese letter and a letter. A single star beside a letter is
 * left alone, as it marks a note (対応*1, 注意*) as often as it fails to be
 * emphasis; `2**10` and `a*b` touch no Japanese.
 */
function* strayRuns(text: string): Generator<RegExpMatchArray> {
  for (const match of text.matchAll(RUN)) {
    const at = match.index ?? 0;
    const marks = match[1] ?? match[2] ?? "";
    const [before = "", after = ""] = [text.charAt(at - 1), text.charAt(at + marks.length)];
    if (beside(JAPANESE_PUNCTUATION, before, after) || (marks.length === 2 && beside(JAPANESE_LETTER, before, after))) yield match;
  }
}
