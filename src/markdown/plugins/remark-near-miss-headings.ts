import type { Heading, Root } from "mdast";
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
    visit(tree, (node, _index, parent) => {
      if (node.type === "paragraph") {
        for (const start of lineStarts(node, source)) {
          const reason = headingNearMiss(lineAt(source, start.offset).trimEnd());
          if (reason !== undefined) file.messages.push(diagnostic(where, reason, start.place, "heading-near-miss"));
        }
      }
      // In a block, --- is the block's own (a :::qa's question and answer), even one the block did not take.
      if (node.type === "heading" && parent?.type !== "containerDirective") {
        const reason = underlinedParagraph(node, source);
        if (reason !== undefined) file.messages.push(diagnostic(where, reason, node.position?.start, "heading-near-miss"));
      }
    });
  };
}

/**
 * `本文です。⏎---`: a line of dashes right under a paragraph does not draw
 * a line, it makes the paragraph a heading (a setext heading). Meant as a
 * heading, the text would not end in a full stop or run over several lines;
 * such a heading is an error saying to leave an empty line before the dashes.
 */
function underlinedParagraph(node: Heading, source: string): string | undefined {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (node.depth !== 2 || from === undefined || to === undefined) return undefined;
  const lines = source.slice(from, to).split(/\r?\n/);
  const underline = lines.at(-1)?.trim() ?? "";
  if (lines.length < 2 || !/^-+$/.test(underline)) return undefined;
  const text = lines.slice(0, -1).map((line) => line.trim()).join(" ");
  if (lines.length === 2 && !/[。．.]$/.test(text)) return undefined;
  return `"${shorten(text)}" became a heading: a line of ${underline} right under a paragraph makes it one; to draw a line between paragraphs, leave an empty line before the ${underline}`;
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
