import { parseFragment, type DefaultTreeAdapterTypes } from "parse5";
import { BOX_INSETS, cellWidth, EMAIL_IMAGE_WIDTH } from "./email-boxes.js";

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** One <img> of the email body, where its text is, and how wide the box it sits in is. */
export interface BodyImage {
  /** Its address, character references decoded. */
  src: string;
  /** Where its start tag begins, and where its src attribute is (`src="…"`), as offsets into the HTML. */
  tagStart: number;
  srcSpan?: { start: number; end: number };
  /** The author gave it a width or a height of their own. */
  sized: boolean;
  /** The content width of the box it is in, in px: the column, less each block, quote, list, pre, figure or table cell around it (email-boxes.ts). */
  box: number;
}

/**
 * The <img> elements of an email body, read as the HTML it is (parse5, with
 * where each tag is in the text), so the email can give each a width no
 * wider than its box without re-serialising the body: what is not changed
 * stays byte for byte. A <picture>'s <source> is not an <img>: left alone.
 */
export function bodyImages(html: string): BodyImage[] {
  const found: BodyImage[] = [];
  walk(parseFragment(html, { sourceCodeLocationInfo: true }), EMAIL_IMAGE_WIDTH, found);
  return found;
}

function walk(parent: ParentNode, box: number, found: BodyImage[]): void {
  for (const node of parent.childNodes) {
    if (!("tagName" in node)) continue;
    if (node.tagName === "img") found.push(image(node, box));
    if (node.tagName === "tr") row(node, box, found);
    else walk(node, inner(node, box), found);
  }
}

/** A table row's cells, each an even share of the row (cellWidth), by the columns it spans. */
function row(tr: Element, box: number, found: BodyImage[]): void {
  const cells = tr.childNodes.filter((node): node is Element => "tagName" in node && (node.tagName === "td" || node.tagName === "th"));
  const columns = cells.reduce((sum, cell) => sum + span(cell), 0);
  for (const cell of cells) walk(cell, cellWidth(box, columns, span(cell)), found);
}

function span(cell: Element): number {
  const value = Number.parseInt(attribute(cell, "colspan") ?? "1", 10);
  return Number.isFinite(value) && value > 1 ? value : 1;
}

/** The content width of `element` when the box around it is `box` wide: less its padding, borders and margins in the email stylesheet. */
function inner(element: Element, box: number): number {
  if (element.tagName === "blockquote") return box - BOX_INSETS.blockquote;
  if (element.tagName === "ul" || element.tagName === "ol") return box - BOX_INSETS.list;
  if (element.tagName === "pre") return box - BOX_INSETS.pre;
  if (element.tagName === "figure") return box - BOX_INSETS.figure;
  if ((attribute(element, "class") ?? "").split(/[\t\n\f\r ]+/).includes("block")) return box - BOX_INSETS.block;
  return box;
}

function image(img: Element, box: number): BodyImage {
  const where = img.sourceCodeLocation;
  const src = where?.attrs?.["src"];
  return {
    src: attribute(img, "src") ?? "",
    tagStart: where?.startOffset ?? -1,
    ...(src === undefined ? {} : { srcSpan: { start: src.startOffset, end: src.endOffset } }),
    sized: attribute(img, "width") !== undefined || attribute(img, "height") !== undefined,
    box: Math.max(1, box),
  };
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}
