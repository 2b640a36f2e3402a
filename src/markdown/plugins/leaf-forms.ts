import type { Root, Text } from "mdast";
import { visit } from "unist-util-visit";
import type { Place } from "../../diagnostics.js";

export interface LeafForm {
  /** The name after `::`. */
  name: string;
  /** `{` follows the name: attributes, so certainly meant as a block. */
  hasAttributes: boolean;
  place: Place;
}

// remark-directive's name grammar, then attributes, a label, or nothing more on the line.
const LEAF_LINE = /^::([A-Za-z][A-Za-z0-9_-]*)(?=[{[]|[ \t\r]*(?:\n|$))/;

/**
 * Lines written in the leaf form, `::release{…}` alone on a line. gekkan does
 * not parse that form (see remark-container-directive.ts), so such a line
 * is paragraph text; it is found here so the author hears that a block needs
 * three colons instead of seeing the line published. Only plain text counts:
 * an escaped `\::release` or one inside a code span is what it says.
 */
export function findLeafForms(tree: Root, source: string): LeafForm[] {
  const found: LeafForm[] = [];
  visit(tree, "paragraph", (paragraph) => {
    const start = paragraph.position?.start.offset;
    const end = paragraph.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const texts: Text[] = [];
    visit(paragraph, "text", (text) => {
      texts.push(text);
    });
    for (const offset of lineStarts(source, start, end)) {
      const match = LEAF_LINE.exec(source.slice(offset, end));
      if (match === null || !texts.some((text) => covers(text, offset))) continue;
      found.push({ name: match[1] ?? "", hasAttributes: source[offset + match[0].length] === "{", place: placeOf(source, offset) });
    }
  });
  return found;
}

/** Where each line of a paragraph's text begins, past blockquote markers and indentation. */
function lineStarts(source: string, start: number, end: number): number[] {
  const starts = [start];
  for (let newline = source.indexOf("\n", start); newline !== -1 && newline < end; newline = source.indexOf("\n", newline + 1)) {
    let offset = newline + 1;
    while (offset < end && /[ \t>]/.test(source[offset] ?? "")) offset++;
    starts.push(offset);
  }
  return starts;
}

function covers(text: Text, offset: number): boolean {
  const from = text.position?.start.offset;
  const to = text.position?.end.offset;
  return from !== undefined && to !== undefined && from <= offset && offset < to;
}

function placeOf(source: string, offset: number): Place {
  const lineStart = source.lastIndexOf("\n", offset - 1) + 1;
  let line = 1;
  for (let i = source.indexOf("\n"); i !== -1 && i < offset; i = source.indexOf("\n", i + 1)) line++;
  return { line, column: offset - lineStart + 1 };
}
