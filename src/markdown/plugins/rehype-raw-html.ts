import type { Comment, Element, Root } from "hast";
import type { VFile } from "vfile";
import { raw } from "hast-util-raw";
import { SKIP, visit } from "unist-util-visit";
import { linkAddress, linkAttribute, linkSources, placeKey } from "../link-sources.js";
import type { Point, Position } from "unist";
import { writtenAttribute } from "./raw-attribute-text.js";
import { pointsIn, valueToFile, type PointAt, type ValueEdit, type ValueToFile } from "./raw-source-map.js";

/** Never written out: removed again right after parsing. */
const PRE_GUARD = "gekkan-pre-guard";

// What CommonMark reads as a comment, processing instruction, CDATA section or
// declaration at the start of a raw HTML node (the node's own extent).
const NON_ELEMENT = /^([ \t]*)(?:<!--(?:-?>|[\s\S]*?-->)|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![A-Za-z][^>]*>)/;

// GFM's "disallowed raw HTML", minus <script>, <style> and <iframe>, which the sanitiser
// removes whole. These switch the HTML tokenizer to raw text, so what follows would be read
// as their content (an unclosed <plaintext> flattens every later heading, list and link).
const TAG_FILTER = /<(\/?)(noembed|noframes|plaintext|textarea|title|xmp)(?=[\t\n\f\r />])/gi;

/**
 * Parses raw HTML written in Markdown into real elements, so the sanitizer
 * can keep the safe parts. It runs on every document, with or without raw
 * HTML: parse5 re-reads the whole tree, and a document's output must not
 * depend on whether some unrelated line holds a tag.
 */
export function rehypeRawHtml() {
  return (tree: Root, file: VFile): Root => {
    guardPreNewlines(tree);
    const source = String(file.value);
    const spans = prepareRaw(tree, source, pointsIn(source));
    // With the file, parsed elements keep their source positions: link checks report them.
    const parsed = raw(tree, { file }) as Root;
    removeGuards(parsed);
    // Read at the places counted in the raw values, before they are made the file's.
    recordRawLinks(parsed, spans, file);
    placeRawNodes(parsed, spans);
    return parsed;
  };
}

/**
 * hast-util-raw hands start tags to parse5 past the hook that ends the
 * "drop a newline right after <pre>" rule, so `<pre><code>` followed by a
 * blank first line lost that line. A comment token does end the rule.
 */
function guardPreNewlines(tree: Root): void {
  visit(tree, "element", (node: Element) => {
    if (node.tagName === "pre") node.children.unshift({ type: "comment", value: PRE_GUARD });
  });
}

function removeGuards(tree: Root): void {
  visit(tree, "comment", (node: Comment, index, parent) => {
    if (node.value !== PRE_GUARD || parent === undefined || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

/**
 * Comments, `<?…?>`, `<![CDATA[…]]>` and `<!…>` never survive the sanitizer,
 * but HTML ends some of them at the first `>`, where CommonMark reads on
 * (`<?php echo '>'; ?>`): the rest would show up as text. Removing them
 * where Markdown says they end leaves nothing behind. Tags GFM filters are
 * escaped, so they show as the text the author typed. Each node's span keeps
 * its value as parse5 will read it, and where that stands in the file.
 */
function prepareRaw(tree: Root, source: string, pointAt: PointAt): Span[] {
  const spans: Span[] = [];
  visit(tree, "raw", (node) => {
    const { start, end } = node.position ?? {};
    const written = node.value;
    const match = NON_ELEMENT.exec(written);
    const edits: ValueEdit[] = [];
    if (match !== null) edits.push({ at: (match[1] ?? "").length, shift: match[0].length - (match[1] ?? "").length });
    const value = match === null ? written : (match[1] ?? "") + written.slice(match[0].length);
    let escaped = 0;
    node.value = value.replace(TAG_FILTER, (_, slash: string, name: string, at: number) => {
      // "<" became "&lt;": what follows stands 3 further on than it was written.
      edits.push({ at: at + 3 * escaped + 4, shift: -3 });
      escaped += 1;
      return `&lt;${slash}${name}`;
    });
    if (start?.offset !== undefined && end?.offset !== undefined) {
      const moved = edits.length > 0 || !source.startsWith(written, start.offset);
      spans.push({ from: start.offset, to: end.offset, value: node.value, moved, toFile: valueToFile(source, start.offset, written, edits), pointAt, start: { line: start.line, column: start.column, offset: start.offset } });
    }
  });
  // By place in the file (lastSpan halves over them): a footnote's raw HTML is visited after the text that follows it.
  return spans.sort((a, b) => a.from - b.from);
}

/** A raw HTML node: where it stands in the file ([from, to) offsets, its start point), its value as parse5 read it, and where that value's characters are in the file. */
interface Span {
  from: number;
  to: number;
  start: Point;
  value: string;
  /** False when the value is the file's text from `from` on, as outside containers: the parsed places are the file's already. */
  moved: boolean;
  toFile: ValueToFile;
  pointAt: PointAt;
}

/**
 * The places hast-util-raw gives what it parsed from a raw node, counted
 * in its value, made the file's: inside a block quote or list item each
 * later line of the value lacks its container prefix, so every place there
 * was that many columns short. A place the value cannot be mapped at (a tab
 * read as spaces) becomes the raw node's own start: coarse, never wrong.
 */
function placeRawNodes(tree: Root, spans: readonly Span[]): void {
  const moved = spans.filter((span) => span.moved);
  if (moved.length === 0) return;
  // An end counted in a value is at most the value's length past the node's start; a start lies within the node's place.
  const endIn = (offset: number) => {
    const span = lastSpan(moved, offset, false);
    return span !== undefined && offset <= span.from + span.value.length ? span : undefined;
  };
  const place = (point: Point, end = false): Point => {
    const span = point.offset === undefined ? undefined : end ? endIn(point.offset) : spanAt(moved, point.offset);
    if (point.offset === undefined || span === undefined) return point;
    const offset = span.toFile(point.offset - span.from);
    return offset === undefined ? { ...span.start } : span.pointAt(offset);
  };
  visit(tree, (node) => {
    // New points: parsed nodes may share one (an element's end, the next one's start).
    // Some parsed nodes lack a point (hast-util-raw): it stays missing.
    const position = node.position as { start?: Point; end?: Point } | undefined;
    if (node.type === "root" || position === undefined) return;
    node.position = { ...position, ...(position.start && { start: place(position.start) }), ...(position.end && { end: place(position.end, true) }) } as Position;
  });
}

/** The raw node whose place holds `offset`. */
function spanAt(spans: readonly Span[], offset: number): Span | undefined {
  const span = lastSpan(spans, offset, true);
  return span !== undefined && offset < span.to ? span : undefined;
}

/**
 * The last of `spans` (by place in the file, none overlapping, as prepareRaw
 * gives them) that starts before `offset` (or at it, `atToo`): found by
 * halving, as every place of every parsed node asks, and a list of
 * thousands of items each holding raw HTML over two lines would otherwise
 * scan them all for each.
 */
function lastSpan(spans: readonly Span[], offset: number, atToo: boolean): Span | undefined {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const from = (spans[middle] as Span).from;
    if (from < offset || (atToo && from === offset)) low = middle + 1;
    else high = middle;
  }
  return spans[low - 1];
}

/**
 * The address of each link and picture written in raw HTML (`<a href>`,
 * `<img src>`) as the parse read it: before the base path is added, and as
 * the author escaped it. Quoted from the page, `#%E8%A6%8B…` was only found
 * decoded again (`#見出し…`), which is not in the file; so was `&amp;`, so
 * the attribute's text and place are read from the file. Markdown's own
 * elements are not in a raw node's span; remark-link-sources keeps theirs.
 */
function recordRawLinks(tree: Root, spans: readonly Span[], file: VFile): void {
  if (spans.length === 0) return;
  const sources = linkSources(file);
  const source = String(file.value);
  visit(tree, "element", (node: Element) => {
    const address = linkAddress(node);
    const name = linkAttribute(node);
    const start = node.position?.start;
    const offset = start?.offset;
    if (address === undefined || name === undefined || start === undefined || offset === undefined) return;
    const span = spanAt(spans, offset);
    if (span === undefined) return;
    const at = offset - span.from;
    const written = writtenAttribute(source, span, at, { tagName: node.tagName, name, value: address });
    const text = written === undefined || written.text === address ? {} : { inText: written.text };
    const attribute = written === undefined ? {} : { attribute: { line: written.line, column: written.column } };
    // Keyed by the element's place in the file, which placeRawNodes gives it next.
    const inFile = span.moved ? span.toFile(at) : offset;
    sources.set(placeKey(!span.moved ? start : inFile === undefined ? span.start : span.pointAt(inFile)), { written: address, ...text, ...attribute });
  });
}
