import { displayWidth, padToWidth } from "./display-width.js";

/** A cell as html-to-text's table builder hands it over (text already wrapped to lines). */
export interface TextCell {
  text: string;
  colspan: number;
  rowspan: number;
}

const GAP = "  ";

/**
 * A plain-text table: columns aligned by display width (so Japanese lines
 * up), a rule under a header row. A table too wide for a mail reader's
 * ~78 columns, or with merged cells, becomes one record per row instead
 * ("header: value" lines), which stays readable at any width.
 */
export function textTable(rows: readonly (readonly TextCell[])[], headerRow: boolean, maxWidth: number, wrap: number | false = false): string {
  const lines = rows.map((row) => row.map((cell) => cell.text.split("\n")));
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const spans = rows.some((row) => row.some((cell) => cell.colspan > 1 || cell.rowspan > 1));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...lines.map((row) => Math.max(0, ...(row[c] ?? []).map(displayWidth)))));
  const total = widths.reduce((a, b) => a + b, 0) + GAP.length * Math.max(0, columns - 1);
  if (spans || total > maxWidth || rows.some((row) => row.length !== columns)) return records(lines, headerRow, wrap);
  const out: string[] = [];
  lines.forEach((row, r) => {
    const height = Math.max(1, ...row.map((cell) => cell.length));
    for (let i = 0; i < height; i++) out.push(row.map((cell, c) => padToWidth(cell[i] ?? "", widths[c] ?? 0)).join(GAP).trimEnd());
    if (r === 0 && headerRow) out.push(widths.map((w) => "-".repeat(w)).join(GAP));
  });
  return out.join("\n");
}

/**
 * One "header: value" line per cell, a blank line between rows. Where the
 * text around is wrapped (`wrap`, its width), so is each line, its further
 * lines indented under the name: a cell's own lines, joined into one value,
 * made lines of 97 columns in 72-column English.
 */
function records(lines: readonly (readonly string[][])[], headerRow: boolean, wrap: number | false): string {
  const [first, ...rest] = lines;
  const wrapped = (line: string) => (wrap === false ? line : wrapWords(line, wrap, RECORD_INDENT));
  if (!headerRow || first === undefined) return lines.map((row) => wrapped(row.map((cell) => cell.join(" ")).join(" | "))).join("\n");
  const names = first.map((cell) => cell.join(" "));
  return rest.map((row) => row.map((cell, c) => wrapped(`${names[c] ?? ""}: ${cell.join(" ")}`.trim())).join("\n")).join("\n\n");
}

const RECORD_INDENT = "  ";

/** `line` broken at spaces into lines of at most `width` columns (display width), each after the first led by `indent`; a word longer than a line stays whole. */
function wrapWords(line: string, width: number, indent: string): string {
  const out: string[] = [];
  let current = "";
  for (const word of line.split(/ +/)) {
    const next = current === "" ? word : `${current} ${word}`;
    if (current !== "" && displayWidth((out.length > 0 ? indent : "") + next) > width) {
      out.push(current);
      current = word;
    } else current = next;
  }
  out.push(current);
  return out.map((text, i) => (i === 0 ? text : indent + text)).join("\n");
}
