import type { Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import { diagnostic } from "../../diagnostics.js";
import { lineAt, lineStarts } from "../reader-text.js";

/**
 * Lines written as a list the Japanese way, `・項目` or `１．手順` (a
 * bullet or number a Japanese input method types), or with ASCII marks the
 * way Markdown does not take them, `-　項目` (the space typed full-width)
 * or `1.手順` and `-項目` (no space after the mark), or after a full-width space,
 * `　- 項目` (CommonMark indents with ASCII spaces only), one under the other: Markdown
 * reads them as one paragraph, so they run together into a single line on
 * the page (`・項目1・項目2`). Two or more such lines in a row in one
 * paragraph are an error saying how to write the list; one alone (`・注意`
 * before a sentence) is left as it is, and so are `※` notes.
 */
export function remarkNearMissLists() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    visit(tree, "paragraph", (node, index, parent) => {
      const lines = lineStarts(node, source).map((start) => {
        const text = lineAt(source, start.offset);
        return { ...start, marker: listMarker(text), broken: endsInHardBreak(text) };
      });
      // Two marked lines run together unless the first ends in a hard break (the fix this message gives).
      const runsOn = (i: number) => lines[i]?.marker !== undefined && lines[i + 1]?.marker !== undefined && lines[i]?.broken === false;
      // `- 一⏎-二` or `- 一⏎　- 二`: the first line follows a list item's own mark, so one line after it is enough to run into the item.
      const [first, second] = lines;
      // The item's text starts where its paragraph does: a line indented that far with ASCII spaces goes under it.
      const indent = (node.position?.start.column ?? 3) - 1;
      const underItem = parent?.type === "listItem" && index === 0;
      const intoItem = second?.marker?.kind === "space" || second?.marker?.kind === "indent";
      if (underItem && first?.broken === false && second?.marker !== undefined && intoItem && !runsOn(1)) {
        file.messages.push(diagnostic(where, intoItemAdvice(second.marker, indent), second.place, "list-near-miss"));
      }
      // One message per run of such lines, at its first line: a ten-line list is one mistake.
      lines.forEach((line, i) => {
        if (line.marker === undefined || !runsOn(i) || runsOn(i - 1)) return;
        let last = i + 1;
        while (runsOn(last)) last++;
        // Full-width-indented lines right under an item's first line were meant to go under it.
        const nest = underItem && i === 1 && line.marker.kind === "indent" ? `; to put them under the item above, type ${indent} ASCII spaces in place of the full-width ones instead` : "";
        file.messages.push(diagnostic(where, `${advice(line.marker, last - i + 1)}${nest}`, line.place, "list-near-miss"));
      });
    });
  };
}

interface Marker {
  written: string;
  /**
   * "space": an ASCII list mark that Markdown would take but for the space after it (full-width, or none);
   * "indent": one it would take but for the full-width space before it.
   */
  kind: "bullet" | "number" | "note" | "space" | "indent";
  /** For "indent": the full-width spaces before the mark, and whether the space after it is full-width too. */
  before?: string;
  wideAfter?: boolean;
}

/** A line that ends in a hard break: a backslash, or two spaces (tested from the end: a pattern would retry a long run of spaces from each). */
function endsInHardBreak(line: string): boolean {
  return line.endsWith("\\") || line.endsWith("  ");
}

/** Bullets typed in Japanese text, and numbers with a full-width stop or bracket (１．, 1．, １）). */
const BULLET = /^([・･－＊＋●○■□◆◇])[ \u3000]?(?=\S)/u;
const NUMBER = /^([0-9０-９]{1,3}[．）]|[０-９]{1,3}[.)])[ \u3000]?(?=\S)/u;
const NOTE = /^(※)/u;
/**
 * ASCII marks with the space after them typed full-width, or a number or a
 * hyphen with none before Japanese text (`1.手順`, `-項目`). A Latin or
 * digit character after `1.` or `-` is left alone, and so is a full-width
 * one: `1.0系では`, `3.x` and `1.５` are versions, `-1 度` a number, not
 * list items. `*` is not taken: `*強調*` is emphasis.
 */
const SPACED = /^([-*+]|[0-9]{1,3}[.)])\u3000/u;
/** ASCII marks after full-width spaces, followed by a space of either width (`　*強調*` and `　-1 度` are text). */
const INDENTED = /^(\u3000+)([-*+]|[0-9]{1,3}[.)])([ \u3000])(?=\S)/u;
const UNSPACED = /^(-|[0-9]{1,3}[.)])(?=[^\x00-\x7f\s\u3000０-９Ａ-Ｚａ-ｚ])/u;

function listMarker(line: string): Marker | undefined {
  const indented = INDENTED.exec(line);
  if (indented?.[2] !== undefined) return { written: indented[2], kind: "indent", before: indented[1], wideAfter: indented[3] === "\u3000" };
  const spaced = SPACED.exec(line)?.[1] ?? UNSPACED.exec(line)?.[1];
  if (spaced !== undefined) return { written: spaced, kind: "space" };
  const bullet = BULLET.exec(line)?.[1];
  if (bullet !== undefined) return { written: bullet, kind: "bullet" };
  const number = NUMBER.exec(line)?.[1];
  if (number !== undefined) return { written: number, kind: "number" };
  const note = NOTE.exec(line)?.[1];
  return note === undefined ? undefined : { written: note, kind: "note" };
}

/**
 * One line with an ASCII mark but no ASCII space after it, or a full-width
 * space before it, under a list item's first line. Indented so, it was
 * meant to go under that item: the ASCII spaces that do it are `indent`.
 */
function intoItemAdvice(marker: Marker, indent: number): string {
  if (marker.kind === "indent") {
    const spaces = (marker.before?.length ?? 1) > 1 ? `full-width spaces (${marker.before ?? ""})` : "a full-width space (　)";
    const after = marker.wideAfter === true ? ` and an ASCII space after "${marker.written}"` : "";
    return `this line starts with ${spaces} before "${marker.written}", which Markdown does not take for indentation, so it does not read it as a list item and runs it into the item above, on one line; to put it under that item, type ${indent} ASCII spaces in place of the ${spaces.startsWith("a ") ? "full-width space" : "full-width spaces"}${after}, or delete ${spaces.startsWith("a ") ? "it" : "them"} for an item of its own`;
  }
  return `this line starts with "${marker.written}" without an ASCII space after it (a full-width space, or none), so Markdown does not read it as a list item of its own and runs it into the item above, on one line; type one ASCII space after "${marker.written}" for an item of its own, or end the line above with a backslash (\\) to keep the lines as they are`;
}

function advice(marker: Marker, count: number): string {
  const these = `this line and the ${count === 2 ? "next one" : `${count - 1} after it`}`;
  const keep = "end each line but the last with a backslash (\\) to keep the lines as they are";
  if (marker.kind === "space") return `${these} start with "${marker.written}" without an ASCII space after it (a full-width space, or none), so Markdown does not read them as list items and they run together into one line on the page; type one ASCII space after "${marker.written}" on each line for a list, or ${keep}`;
  if (marker.kind === "indent") {
    const after = marker.wideAfter === true ? ` and type an ASCII space after "${marker.written}" in place of the full-width one` : "";
    const many = (marker.before?.length ?? 1) > 1;
    const spaces = many ? `full-width spaces (${marker.before ?? ""})` : "a full-width space (　)";
    return `${these} start with ${spaces} before "${marker.written}", so Markdown does not read them as list items and they run together into one line on the page; delete the full-width space${many ? "s" : ""} before "${marker.written}" on each line${after} for a list, or ${keep}`;
  }
  if (marker.kind === "note") return `${these} start with "※", and Markdown runs the lines of a paragraph together, so the notes become one line on the page; ${keep}, or leave a blank line between them`;
  const fix = marker.kind === "number" ? '"1. " (ASCII digits, a full stop and a space)' : '"- " (a hyphen and a space)';
  return `${these} start with "${marker.written}", which Markdown does not read as a list item, so they run together into one line on the page; start each with ${fix} for a list, or ${keep}`;
}
