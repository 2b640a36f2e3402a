import type { Root } from "mdast";
import type { VFile } from "vfile";
import { diagnostic } from "../../diagnostics.js";
import { placedMatches, visitTextContainers } from "../reader-text.js";
import { strayStars } from "./stray-stars.js";

/**
 * `これは**「重要」**です`: CommonMark opens or closes `**` next to
 * punctuation only when the other side is a space or punctuation too, and
 * Japanese puts no space there, so the page shows the asterisks around
 * 「重要」 instead of bold text. A `**…**` pair left in the text whose inner
 * edge is punctuation is that case; it is an error saying how to write it.
 * Other stray asterisks (`2**10`, `*注`) are left alone.
 *
 * `これは_強調_です` is the same mistake with underscores, and a wider one:
 * `_` needs a space or punctuation on its outer side whatever is inside, so
 * between Japanese letters it never makes emphasis.
 */
export function remarkStrandedEmphasis() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    visitTextContainers(tree, (node) => {
      const reported = new Set<number>();
      const from = (node as { position?: { start: { offset?: number } } }).position?.start.offset ?? 0;
      for (const { match, at, place } of [...placedMatches(node, source, STRANDED_PAIR, isStranded), ...placedMatches(node, source, STRANDED_TILDES, isStranded)]) {
        const [written, marks = "", inner = ""] = match;
        // Both marks of a pair reported here are not reported again as stray stars.
        reported.add(from + at).add(from + at + written.length - marks.length);
        file.messages.push(diagnostic(where, `"${written}" is printed with its ${marks}: next to punctuation such as 「」 or （）, ${marks} only works with a space or punctuation outside it too; write ${asHtml(marks, inner)} instead`, place, "emphasis-near-miss"));
      }
      for (const { match, place } of placedMatches(node, source, STRANDED_UNDERSCORES, isStrandedInJapanese)) {
        const [written, marks = "", inner = ""] = match;
        file.messages.push(diagnostic(where, `"${written}" is printed with its ${marks}: ${marks} makes emphasis only with a space or punctuation outside it, and Japanese has none between words; write ${underscoreFix(marks, inner)} instead, or \\_ for each underscore that is meant`, place, "emphasis-near-miss"));
      }
      file.messages.push(...strayStars(node, source, where, reported));
    });
  };
}

/**
 * `**text**` or `*text*` that the parser left as text: the same marks on both
 * sides, no space just inside them.
 */
const STRANDED_PAIR = /(?<!\*)(\*\*|\*)(?![\s*])([^*\n]{1,200}?)(?<![\s*])\1(?!\*)/gu;

/** `~~text~~` (GFM strikethrough) that the parser left as text: the same rule as for asterisks. */
const STRANDED_TILDES = /(?<!~)(~~)(?![\s~])([^~\n]{1,200}?)(?<![\s~])~~(?!~)/gu;

/**
 * `__text__` or `_text_` that the parser left as text. An ASCII letter, digit
 * or underscore just outside either mark is a name (`stonith_enabled`,
 * `rsc_日本_1`, `__init__`), not an attempt at emphasis.
 */
const STRANDED_UNDERSCORES = /(?<![A-Za-z0-9_])(__?)(?![\s_])([^_\n]{1,200}?)(?<![\s_])\1(?![A-Za-z0-9_])/gu;

const WORDS = /[\p{L}\p{N}]/u;

/** Japanese (or Chinese, Korean) writing: the text where no space stands between words. */
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;

/**
 * A written-out address (`https://…`, `www.…`) running up to the end of
 * `text`: its underscores are part of it. As /(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|www\.)[^\s<>]*$/u
 * would say, but in one pass: that pattern scans the rest of a long word
 * from every letter in it.
 */
export function endsInOpenAddress(text: string): boolean {
  let start = text.length;
  while (start > 0 && !ADDRESS_END.test(text.charAt(start - 1))) start--;
  const word = text.slice(start);
  if (word.includes("www.")) return true;
  for (let at = word.indexOf("://"); at !== -1; at = word.indexOf("://", at + 1)) {
    // A scheme is a letter, then letters, digits, + . or -, right up to the "://".
    for (let i = at - 1; i >= 0 && SCHEME_CHAR.test(word.charAt(i)); i--) if (LETTER.test(word.charAt(i))) return true;
  }
  return false;
}

const ADDRESS_END = /[\s<>]/u;
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const LETTER = /[A-Za-z]/;

/** A pair whose inner edge is punctuation, around words: marks around punctuation alone (`*(*foo)`, `*$*`) were not meant as emphasis. */
function isStranded([, , inner = ""]: RegExpMatchArray): boolean {
  return (isPunctuation(inner.at(0)) || isPunctuation(inner.at(-1))) && WORDS.test(inner);
}

/** Underscores around Japanese, not inside an address written out (`https://example.jp/高可用_構成_図`). */
function isStrandedInJapanese(match: RegExpMatchArray): boolean {
  const [, , inner = ""] = match;
  return CJK.test(inner) && !endsInOpenAddress(match.input?.slice(0, match.index) ?? "");
}

/** `*強調*` works between Japanese letters (an asterisk beside a letter on its inner side opens or closes); beside punctuation, or around an asterisk, only HTML does. */
function underscoreFix(marks: string, inner: string): string {
  if (isPunctuation(inner.at(0)) || isPunctuation(inner.at(-1)) || inner.includes("*")) return asHtml(marks, inner);
  const stars = "*".repeat(marks.length);
  return `${stars}${inner}${stars}`;
}

function asHtml(marks: string, inner: string): string {
  const tag = marks === "~~" ? "del" : marks.length === 2 ? "strong" : "em";
  return `<${tag}>${inner}</${tag}>`;
}

function isPunctuation(char: string | undefined): boolean {
  return PUNCTUATION.test(char ?? "");
}

/** CommonMark's punctuation: Unicode P and S. */
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
