import type { Root } from "mdast";
import type { VFile } from "vfile";
import { diagnostic } from "../../diagnostics.js";
import { placedMatches, visitTextContainers } from "../reader-text.js";

/**
 * `これは**「重要」**です`: CommonMark opens or closes `**` next to
 * punctuation only when the other side is a space or punctuation too, and
 * Japanese puts no space there, so the page shows the asterisks around
 * 「重要」 instead of bold text. A `**…**` pair left in the text whose inner
 * edge is punctuation is that case; it is an error saying how to write it.
 * Other stray asterisks (`2**10`, `*注`) are left alone.
 */
export function remarkStrandedEmphasis() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    visitTextContainers(tree, (node) => {
      for (const { match, place } of placedMatches(node, source, STRANDED_PAIR, isStranded)) {
        const [written, marks = "", inner = ""] = match;
        const tag = marks.length === 2 ? "strong" : "em";
        file.messages.push(diagnostic(where, `"${written}" is printed with its ${marks}: next to punctuation such as 「」 or （）, ${marks} only works with a space or punctuation outside it too; write <${tag}>${inner}</${tag}> instead`, place, "emphasis-near-miss"));
      }
    });
  };
}

/**
 * `**text**` or `*text*` that the parser left as text: the same marks on both
 * sides, no space just inside them. Underscores are left out: they stand
 * between the words of file and variable names (`a_(b)_c`) far more often.
 */
const STRANDED_PAIR = /(?<!\*)(\*\*|\*)(?![\s*])([^*\n]{1,200}?)(?<![\s*])\1(?!\*)/gu;

const WORDS = /[\p{L}\p{N}]/u;

/** A pair whose inner edge is punctuation, around words: marks around punctuation alone (`*(*foo)`, `*$*`) were not meant as emphasis. */
function isStranded([, , inner = ""]: RegExpMatchArray): boolean {
  return (PUNCTUATION.test(inner.at(0) ?? "") || PUNCTUATION.test(inner.at(-1) ?? "")) && WORDS.test(inner);
}

/** CommonMark's punctuation: Unicode P and S. */
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
