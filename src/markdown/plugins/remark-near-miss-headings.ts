import type { Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import { diagnostic } from "../../diagnostics.js";
import { lineAt, lineStarts } from "../reader-text.js";

/**
 * A heading line that Markdown does not read as one: `##見出し` (no space
 * after the marks; some editors accept it, CommonMark does not),
 * `##　見出し` (the space typed full-width by a Japanese input method) and
 * `＃＃ 見出し` (full-width marks). Each would be printed with its marks as
 * a line of text, so each is an error saying what to type. A single `#`
 * before a word is left alone: `#pacemaker` is how a hashtag or an IRC
 * channel is written, and an issue's headings start at `##` anyway.
 */
export function remarkNearMissHeadings() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    visit(tree, "paragraph", (node) => {
      for (const start of lineStarts(node, source)) {
        const reason = headingNearMiss(lineAt(source, start.offset).trimEnd());
        if (reason !== undefined) file.messages.push(diagnostic(where, reason, start.place, "heading-near-miss"));
      }
    });
  };
}

/** What is wrong with a line that was meant as a heading, or undefined when it was not one. */
function headingNearMiss(line: string): string | undefined {
  const fullWidth = /^(＃{1,6})[ \u3000](.*)$/.exec(line);
  if (fullWidth) return advice(line, "its ＃ are full-width; type ASCII #", `${"#".repeat(fullWidth[1]?.length ?? 1)} ${fullWidth[2]?.trim() ?? ""}`);
  const ideographicSpace = /^(#{1,6})\u3000+(.*)$/.exec(line);
  if (ideographicSpace) return advice(line, "the space after # is full-width (　); type an ASCII space", `${ideographicSpace[1]} ${ideographicSpace[2]?.trim() ?? ""}`);
  const noSpace = /^(#{2,6})([^#\s].*)$/.exec(line);
  if (noSpace) return advice(line, "put a space after the #", `${noSpace[1]} ${noSpace[2]?.trim() ?? ""}`);
  return undefined;
}

function advice(line: string, problem: string, fixed: string): string {
  return `"${shorten(line)}" is printed as text, not as a heading: ${problem}, "${shorten(fixed)}"`;
}

function shorten(text: string): string {
  const trimmed = text.trimEnd();
  return trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
}
