import type { Node } from "unist";
import { SKIP, visit } from "unist-util-visit";
import type { Paragraph } from "mdast";
import type { Place } from "../diagnostics.js";

/** Nodes whose text a reader sees run together: what the author meant may be split across their children (a link, emphasis). */
export const TEXT_CONTAINERS = new Set(["paragraph", "heading", "tableCell"]);

/** The text of a paragraph, heading or table cell as it reads, code left out. */
export function readerText(node: Node): string {
  let text = "";
  visit(node, (inner) => {
    if (inner.type === "code" || inner.type === "inlineCode") return SKIP;
    if (inner.type === "text") text += (inner as unknown as { value: string }).value;
    return undefined;
  });
  return text;
}

export type Position = { start: { line: number; column: number; offset?: number | undefined }; end: { offset?: number | undefined } } | undefined;

/** Where `found` is written in the node's source (its offset there, from `after` on), or undefined when it is not written so (escapes made it). */
export function offsetIn(source: string, position: Position, found: string, after: number): number | undefined {
  const from = position?.start.offset;
  const to = position?.end.offset;
  if (from === undefined || to === undefined) return undefined;
  // Searched in place: slicing the node's source for every match made a paragraph of many matches quadratic.
  const at = source.indexOf(found, from + after);
  return at === -1 || at + found.length > to ? undefined : at - from;
}

/** The place of offset `at` in a node's source (see placeCursor for many places in one node). */
export function placeAt(source: string, position: Position, at: number): Place | undefined {
  return placeCursor(source, position)(at);
}

/**
 * Places of offsets in one node's source, asked for in increasing order:
 * each call counts line breaks only from where the last one stopped, so a
 * paragraph with thousands of findings is read once, not once per finding.
 */
export function placeCursor(source: string, position: Position): (at: number) => Place | undefined {
  const from = position?.start.offset;
  let scanned = 0;
  let breaks = 0;
  let lastBreak = -1;
  return (at) => {
    if (position === undefined || from === undefined) return undefined;
    if (at < scanned) [scanned, breaks, lastBreak] = [0, 0, -1];
    for (let i = scanned; i < at; i++) {
      if (source.charCodeAt(from + i) !== 10) continue;
      breaks++;
      lastBreak = i;
    }
    scanned = at;
    return breaks === 0 ? { line: position.start.line, column: position.start.column + at } : { line: position.start.line + breaks, column: at - lastBreak };
  };
}

/** The line of `source` that starts at `offset`, as written (up to its newline, which is left out). */
export function lineAt(source: string, offset: number): string {
  const end = source.indexOf("\n", offset);
  return source.slice(offset, end === -1 ? undefined : end);
}

export interface LineStart {
  offset: number;
  place: Place;
}

/** Where each line of a paragraph starts, after any block-quote or list indentation, inside its text (not in `code`). */
export function lineStarts(node: Paragraph, source: string): LineStart[] {
  // What is not text is marked, not what is: GFM's autolink literals (www.example.com) split a
  // text node into new nodes without positions, and the lines in those were never looked at.
  const notText = insideAny(node, ["inlineCode", "html"]);
  return sourceLineStarts(node, source).filter((start) => !notText(start.offset));
}

/** Where each source line of a node starts, after any block-quote or list indentation (the first line: where the node starts). */
export function sourceLineStarts(node: Node, source: string): LineStart[] {
  const begin = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (begin === undefined || end === undefined) return [];
  const starts: LineStart[] = [];
  let line = node.position?.start.line ?? 1;
  for (let lineStart = begin; lineStart < end; line++) {
    const prefix = /^(?:[ \t]*>)*[ \t]*/.exec(source.slice(lineStart, Math.min(end, lineStart + 200)))?.[0] ?? "";
    const offset = lineStart === begin ? begin : lineStart + prefix.length;
    const column = lineStart === begin ? (node.position?.start.column ?? 1) : prefix.length + 1;
    starts.push({ offset, place: { line, column } });
    const next = source.indexOf("\n", lineStart);
    if (next === -1 || next >= end) break;
    lineStart = next + 1;
  }
  return starts;
}

/**
 * Whether a source offset lies inside a node of one of `types` within `node`
 * (inline code, raw HTML). Asked once per line of a paragraph, so the spans
 * are joined into disjoint runs, sorted, and searched by halves: trying every
 * span for every line made a paragraph of lines like "a<br>" quadratic.
 */
export function insideAny(node: Paragraph, types: readonly string[]): (offset: number) => boolean {
  const spans: Array<[number, number]> = [];
  visit(node, (inner) => {
    if (!types.includes(inner.type)) return;
    const a = inner.position?.start.offset;
    const b = inner.position?.end.offset;
    if (a !== undefined && b !== undefined && a < b) spans.push([a, b]);
  });
  const runs = disjointRuns(spans);
  return (offset) => {
    let [low, high] = [0, runs.length - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [a, b] = runs[middle] as [number, number];
      if (offset < a) high = middle - 1;
      else if (offset >= b) low = middle + 1;
      else return true;
    }
    return false;
  };
}

/** Half-open spans joined where they overlap or touch, in order. */
function disjointRuns(spans: Array<[number, number]>): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const last = runs[runs.length - 1];
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else runs.push([a, b]);
  }
  return runs;
}

export interface PlacedMatch {
  match: RegExpMatchArray;
  /** Offset of the match in the node's source. */
  at: number;
  place: Place;
}

/**
 * Each match of `pattern` (global) in a text container's reader text that
 * `keep` accepts, found in the source in order: its offset there and its
 * place. A match not written so in the source (escapes made it) is skipped:
 * what the author escaped is shown on purpose.
 */
export function placedMatches(node: Node, source: string, pattern: RegExp, keep?: (match: RegExpMatchArray) => boolean): Generator<PlacedMatch> {
  return placedMatchesIn([readerText(node)], (node as { position?: Position }).position, source, pattern, keep);
}

/**
 * placedMatches over texts a node shows other than its reader text (a
 * link's target and title, an image's description, attribute values), in
 * the order given, each found in the node's source after the one before.
 */
export function* placedMatchesIn(texts: ReadonlyArray<string | null | undefined>, position: Position, source: string, pattern: RegExp, keep: (match: RegExpMatchArray) => boolean = () => true): Generator<PlacedMatch> {
  const placeOf = placeCursor(source, position);
  let after = 0;
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(pattern)) {
      if (!keep(match)) continue;
      const at = offsetIn(source, position, match[0], after);
      const place = at === undefined ? undefined : placeOf(at);
      if (at === undefined || place === undefined) continue;
      after = at + match[0].length;
      yield { match, at, place };
    }
  }
}

/** Calls `each` with every paragraph, heading and table cell of `tree`, code left out; `also` sees every other node on the way. */
export function visitTextContainers(tree: Node, each: (node: Node) => void, also: (node: Node) => void = () => undefined): void {
  visit(tree, (node) => {
    if (node.type === "code" || node.type === "inlineCode") return SKIP;
    if (TEXT_CONTAINERS.has(node.type)) each(node);
    else also(node);
    return undefined;
  });
}

/**
 * What a node shows readers besides text: a link's target and title, an
 * image's description. Each group is searched in the node's source from its
 * start (an image's description is written before its target).
 */
export function shownBesides(node: Node): Array<Array<string | null | undefined>> {
  const { url, title, alt } = node as { url?: string; title?: string | null; alt?: string | null };
  if (node.type === "link" || node.type === "definition") return [[url, title]];
  if (node.type === "image") return [[url, title], [alt]];
  return node.type === "imageReference" ? [[alt]] : [];
}
