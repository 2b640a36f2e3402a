import type { DomNode, FormatCallback } from "html-to-text";
import { displayWidth } from "./display-width.js";
import { textTable, type TextCell } from "./text-table.js";
import { trimNewlinesEnd } from "../trim-end.js";

type BlockTextBuilder = Parameters<FormatCallback>[2];

/** What one conversion collects: the link list printed under the text. */
export interface TextState {
  /** Each address's number, in the order first linked: looked up for every link, so not by searching a list (an issue with thousands of headings has thousands of addresses). */
  numbers: Map<string, number>;
}

/** Widest table the plain text lays out as columns (a mail reader's usual line). */
export const TABLE_WIDTH = 78;

/**
 * The line length of text that is not wrapped (Japanese, Chinese, Korean).
 * Not `false`: html-to-text then gives every block the same unlimited
 * length, so the room a typed block's "| ", a quote's "> " or a list item's
 * indent takes could not be read from it, and a Japanese table laid out to
 * 78 columns inside a typed block reached 80. A length no line reaches, and
 * small enough that taking the marks off it stays exact.
 */
export const UNWRAPPED = Number.MAX_SAFE_INTEGER;

function stateOf(builder: BlockTextBuilder): TextState {
  return (builder as BlockTextBuilder & { metadata: TextState }).metadata;
}

function textOf(nodes: readonly DomNode[]): string {
  return nodes.map((node) => (node.type === "text" ? (node.data ?? "") : textOf(node.children ?? []))).join("");
}

/** A link as its text plus a reference number; the numbered URLs follow the text. */
const numberedLink: FormatCallback = (elem, walk, builder) => {
  const href = String(elem.attribs?.href ?? "");
  walk(elem.children, builder);
  const text = textOf(elem.children).trim();
  if (href === "" || text === href || `mailto:${text}` === href) return;
  const { numbers } = stateOf(builder);
  let n = numbers.get(href);
  if (n === undefined) numbers.set(href, (n = numbers.size + 1));
  builder.addInline(` [${n}]`, { noWordTransform: true });
};

/** A heading underlined to its display width: "=" for the title, "-" for sections. */
function underlined(char: string): FormatCallback {
  return (elem, walk, builder) => {
    builder.openBlock({ leadingLineBreaks: 2 });
    walk(elem.children, builder);
    builder.closeBlock({
      trailingLineBreaks: 2,
      blockTransform: (text) => `${text}\n${char.repeat(Math.max(3, ...text.split("\n").map(displayWidth)))}`,
    });
  };
}

/** Typed blocks as a framed paragraph group, so where one starts and ends stays visible. */
const framedBlock: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2, reservedLineLength: 2 });
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2, blockTransform: (text) => text.split("\n").map((line) => (line === "" ? "|" : `| ${line}`)).join("\n") });
};

/** A code block as written; its own final newline is not a blank line. */
const codeBlock: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2, isPre: true });
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2, blockTransform: trimNewlinesEnd });
};

/** A data table laid out by display width (see textTable). */
const table: FormatCallback = (elem, walk, builder) => {
  let headerRow = false;
  const rowsOf = (node: DomNode): DomNode[] => node.children.filter((c) => c.type === "tag").flatMap((c) => (c.name === "tr" ? [c] : ["thead", "tbody", "tfoot"].includes(c.name ?? "") ? rowsOf(c) : []));
  const rows = rowsOf(elem);
  // Read before the table opens: then the builder's block is the one the table stands in.
  const { wrap, reserved } = room(builder);
  builder.openTable();
  rows.forEach((row, r) => {
    builder.openTableRow();
    const cells = row.children.filter((c) => c.type === "tag" && (c.name === "td" || c.name === "th"));
    if (r === 0 && cells.length > 0 && cells.every((c) => c.name === "th")) headerRow = true;
    for (const cell of cells) {
      builder.openTableCell();
      walk(cell.children, builder);
      builder.closeTableCell({ colspan: Number(cell.attribs?.colspan) || 1, rowspan: Number(cell.attribs?.rowspan) || 1 });
    }
    builder.closeTableRow();
  });
  builder.closeTable({ tableToString: (cells) => textTable(cells as TextCell[][], headerRow, TABLE_WIDTH - reserved, wrap), leadingLineBreaks: 2, trailingLineBreaks: 2 });
};

type WidthBuilder = BlockTextBuilder & { options: { wordwrap: number | false | null | undefined }; _stackItem: { inlineTextBuilder: { maxLineLength: number } } };

/**
 * The width a table has where it stands: `wrap`, the line its records wrap
 * to (false for Japanese, whose text is not wrapped), and `reserved`, the
 * columns the blocks around it take for their marks (a typed block's "| ",
 * a quote's "> ", a list item's " - "). The records of a table in a typed
 * block were wrapped at the conversion's 72 and then framed, 74 columns.
 * html-to-text keeps the room a block leaves as its line length.
 * Unwrapped text has UNWRAPPED as its length, so its tables lose the same
 * columns to the marks, and only their records are left unwrapped.
 */
function room(builder: BlockTextBuilder): { wrap: number | false; reserved: number } {
  const { options, _stackItem: here } = builder as WidthBuilder;
  const full = options.wordwrap;
  if (typeof full !== "number") return { wrap: false, reserved: 0 };
  const line = here.inlineTextBuilder.maxLineLength;
  return { wrap: full === UNWRAPPED ? false : line, reserved: Math.max(0, full - line) };
}

/**
 * A task list's box as text: html-to-text drops an <input>, and a reader of
 * the text part could not tell a done item from one still to do.
 */
const checkbox: FormatCallback = (elem, _walk, builder) => {
  if (elem.attribs?.type !== "checkbox") return;
  builder.addInline(elem.attribs.checked === undefined ? "[ ]" : "[x]", { noWordTransform: true });
};

export const FORMATTERS: Record<string, FormatCallback> = { numberedLink, title: underlined("="), section: underlined("-"), framedBlock, codeBlock, table, checkbox };
