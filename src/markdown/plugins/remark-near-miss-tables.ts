import type { Root, Table, TableRow, Text } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import { diagnostic } from "../../diagnostics.js";
import { lineAt, lineStarts, readerText } from "../reader-text.js";
import { placedWarnings } from "../file-data.js";

/**
 * Rows written between pipes with no delimiter row under the first one
 * (`| --- | --- |`), or one whose cells do not match the first row's count:
 * GFM reads no table there, and the page shows the pipes as a paragraph.
 * Two such rows in a row are a table the author meant; the error says what
 * line to add. One line between pipes alone is left alone (`|a|` as text).
 */
export function remarkNearMissTables() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    visit(tree, "paragraph", (node) => {
      const lines = lineStarts(node, source).map((start) => ({ ...start, text: lineAt(source, start.offset).trimEnd() }));
      // A first row over a line of dashes is a table too, however few cells that line has (`| --- |`, `| --- --- |`).
      const first = lines.findIndex((line, i) => isRow(line.text) && (isRow(lines[i + 1]?.text ?? "") || isDashLine(lines[i + 1]?.text ?? "")));
      const row = lines[first];
      if (row === undefined) return;
      const reason = tableProblem(row.text, lines[first + 1]?.text ?? "", lines[first - 1]?.text, row.place.line);
      file.messages.push(diagnostic(where, `these lines between | are printed as text, not as a table: ${reason}`, first > 0 && isDelimiter(row.text) ? (lines[first - 1]?.place ?? row.place) : row.place, "table-near-miss"));
    });
    visit(tree, "table", (table) => {
      for (const message of droppedCells(table, source)) file.messages.push(diagnostic(where, message.reason, message.place, "table-cells-dropped"));
      for (const message of fullWidthBars(table, source)) file.messages.push(diagnostic(where, message.reason, message.place, "table-near-miss"));
      for (const message of shortRows(table, source)) placedWarnings(file).push({ kind: "table-short-row", reason: message.reason, ...message.place });
    });
  };
}

interface RowMessage {
  reason: string;
  place: { line: number; column: number };
}

/** A table's rows under its first, each with the count of its cells said against the table's columns. */
function bodyRows(table: Table): Array<{ row: TableRow; columns: number; count: string }> {
  const columns = table.children[0]?.children.length ?? 0;
  return table.children.slice(1).map((row) => ({ row, columns, count: `this row has ${cellCount(row.children.length)} but the table has ${columns} columns` }));
}

/**
 * A row with more cells than the table has columns: GFM leaves the cells past
 * the last column off the page, without a word. It is mostly a pipe inside a
 * cell, in code too (`a|b`), which ends the cell unless written \|.
 */
function droppedCells(table: Table, source: string): RowMessage[] {
  return bodyRows(table).flatMap(({ row, columns, count }) => {
    const extra = row.children[columns];
    const start = extra?.position?.start;
    const end = row.children.at(-1)?.position?.end.offset;
    if (start === undefined || start.offset === undefined || end === undefined) return [];
    const dropped = source.slice(start.offset, end).replace(/^\|/, "").replace(/\|$/, "").trim();
    const reason = `${count}, so "${dropped}" is left off the page: a | inside a cell, also in code, is written \\| (\`a\\|b\`); or, for another column, add a cell to the first row and a --- to the line under it`;
    return [{ reason, place: { line: start.line, column: start.column } }];
  });
}

/**
 * A row with fewer cells than the table has columns: GFM fills it with empty
 * cells at its end, without a word. It is mostly a | left out between two
 * cells (`| a  b | c |`), whose texts then run together in one. A warning,
 * not an error: leaving the last cells out may be meant; an empty cell
 * written as such (`| a | | |`) says so, and is not warned.
 */
function shortRows(table: Table, source: string): RowMessage[] {
  return bodyRows(table).flatMap(({ row, columns, count }) => {
    const start = row.position?.start;
    const end = row.position?.end.offset;
    if (row.children.length >= columns || start?.offset === undefined || end === undefined) return [];
    const written = source.slice(start.offset, end).trim();
    const missing = columns - row.children.length;
    // A \| is the author's way to put a | in a cell's text: one meant as a line between cells still holds its \.
    const escaped = /\\\|/.test(written) ? "; a \\| is a | in a cell's text, not a line between cells" : "";
    const reason = `"${written}": ${count}, so the page adds ${missing === 1 ? "an empty cell" : `${missing} empty cells`} at its end; if a | was left out between two cells, their texts run together in one: add the missing |${escaped}; to leave a cell empty on purpose, write it as | |`;
    return [{ reason, place: { line: start.line, column: start.column } }];
  });
}

/**
 * A row short of cells with a full-width ｜ in the text of one (not in
 * code): the input method typed the line between two cells, which GFM
 * reads as text, so the row's cells ran together and the last ones are
 * empty. A table written all in ｜ is reported by remark-full-width-marks.
 */
function fullWidthBars(table: Table, source: string): RowMessage[] {
  const columns = table.children[0]?.children.length ?? 0;
  return table.children.slice(1).flatMap((row) => {
    if (row.children.length >= columns) return [];
    for (const cell of row.children) {
      let bar: Text | undefined;
      visit(cell, "text", (text) => {
        if (bar === undefined && text.value.includes("｜")) bar = text;
      });
      const start = bar?.position?.start;
      if (start?.offset === undefined) continue;
      const at = source.indexOf("｜", start.offset);
      const cells = row.children.length === 1 ? "1 cell" : `${row.children.length} cells`;
      const reason = `this row has ${cells} for the table's ${columns} columns, and "${readerText(cell).trim()}" holds a full-width ｜, which is text, not a line between cells; type an ASCII | there`;
      return [{ reason, place: { line: start.line, column: start.column + (at - start.offset) } }];
    }
    return [];
  });
}

/** Why GFM read no table from `row` and the row after it (`above`: the paragraph's line before `row`, if any). */
function tableProblem(row: string, next: string, above: string | undefined, line: number): string {
  if (isDelimiter(row)) {
    if (above === undefined) return "the line of --- needs a first row of column names above it";
    return `the first row has ${cellCount(cells(above))} and the line of --- under it ${cells(row)}; give both the same number`;
  }
  if (isDelimiter(next)) return `the first row has ${cellCount(cells(row))} and the line of --- under it ${cells(next)}; give both the same number`;
  if (isDashLine(next)) return `the line under the first row (line ${line + 1}), "${next.trim()}", needs one --- between | for each column; write "${dashLineFor(next, cells(row))}" instead`;
  return `a table needs a line of --- under its first row, one per column; add "|${" --- |".repeat(cells(row))}" after line ${line}`;
}

/**
 * A delimiter row: every cell is dashes, with a colon at either end for
 * alignment. The last cell, with no pipe after it, is written so that its
 * blanks can be split only one way: as `\s*:?-*:?\s*` it tried every split of
 * a long run of blanks before a stray character, once per blank.
 */
export function isDelimiter(line: string): boolean {
  return /^\|?(?:\s*:?-+:?\s*\|)+\s*(?:(?::?-+:?|::?)\s*)?$/.test(line) && line.includes("-");
}

/**
 * A line of dashes, pipes, colons and blanks only, with a pipe in it: meant as
 * the line under a table's first row, also when GFM reads none there (a pipe
 * left out between two cells, `| --- --- |`, or one cell for two columns).
 */
function isDashLine(line: string): boolean {
  return /^[\s|:-]*$/.test(line) && line.includes("|") && line.includes("-");
}

/** The line of --- to write for `columns` columns: the author's own dashes, alignment colons and all, when there is one run of them per column. */
function dashLineFor(written: string, columns: number): string {
  const runs = written.match(/:?-+:?/g) ?? [];
  return `| ${(runs.length === columns ? runs : Array<string>(columns).fill("---")).join(" | ")} |`;
}

function cellCount(count: number): string {
  return count === 1 ? "1 cell" : `${count} cells`;
}

/** A line that starts and ends with a pipe and holds at least two cells. */
function isRow(line: string): boolean {
  return /^\|.*[^\\]\|$/.test(line) && cells(line) >= 2;
}

/** Cells of a row written between pipes: its unescaped pipes, less one. */
function cells(row: string): number {
  return row.replace(/\\\|/g, "").split("|").length - 2;
}
