/**
 * How deeply an issue's body nests lists, block quotes, footnotes and
 * blocks, found by one linear pass over its lines before any Markdown
 * parser sees it: micromark slows down super-linearly with depth and
 * overflows the stack past ~1,000 levels, so the limit must be enforced
 * without it.
 *
 * The pass computes an upper bound, never less than the real depth: a
 * container that is still open on a line either shows its marker there
 * (`>`), or its content is indented by at least two columns (a list item,
 * `- ` at the least), or the line continues a paragraph lazily (then it
 * opens nothing new). So the containers open on a line are at most the
 * markers on it plus the fewer of half its indentation and the most that
 * were ever open before. Footnote definitions are the exception (nested
 * ones continue together on four columns), so each one seen since the last
 * definition opened left of four columns may continue at no cost. A
 * document within the limit is never touched.
 */
export interface NestingFound {
  depth: number;
  /** 1-based, in the body. */
  line: number;
  column: number;
}

const ORDERED = /^\d{1,9}[.)]/;
const FOOTNOTE = /^\[\^[^\]\s]+\]:/;
const DIRECTIVE_OPEN = /^:{3,}[A-Za-z]/;
const DIRECTIVE_CLOSE = /^:{3,}[ \t]*$/;

/** The first line whose nesting exceeds `limit`, or undefined. */
export function excessiveNesting(body: string, limit: number): NestingFound | undefined {
  let maxOpen = 0;
  const directives = new OpenDirectives();
  // Footnote definitions nested on one line all continue on the same four columns: each may be continued for free.
  let footnotes = 0;
  let line = 0;
  for (let start = 0; start <= body.length; ) {
    const end = body.indexOf("\n", start);
    const stop = end === -1 ? body.length : end;
    line++;
    const prefix = containerPrefix(body, start, stop);
    // A footnote definition opened left of four columns ends every earlier one it is not inside: they need four to continue, and a definition interrupts a paragraph, so it is never a lazy line.
    if (prefix.footnoteFirst && prefix.indent < 4) footnotes = 0;
    if (prefix.rest < stop || prefix.markers > 0) {
      const open = prefix.markers + Math.min(Math.ceil(prefix.indent / 2) + footnotes, maxOpen);
      maxOpen = Math.max(maxOpen, open);
      footnotes += prefix.footnotes;
      const text = body.slice(prefix.rest, Math.min(stop, prefix.rest + 64));
      if (DIRECTIVE_OPEN.test(text)) directives.open(prefix);
      else if (DIRECTIVE_CLOSE.test(text)) directives.close(prefix);
      else directives.text();
      if (open + directives.depth > limit) return { depth: open + directives.depth, line, column: prefix.rest - start + 1 };
    }
    else directives.blank();
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}

/**
 * Open container directives, counted so a `:::` line only closes one when it
 * surely does: micromark checks a directive's closing fence right after the
 * containers around it continue, so the fence must sit among the same block
 * quotes, no new list item, at the opening's column (up to three more), and
 * with at most three columns of white space before it whatever the opening's
 * indentation (four make it content: micromark reads a fence's indent with
 * the limit of indented code, not from the opening). A fence
 * in fewer quotes or further left ends the directive too, unless a paragraph
 * was open (then the line may be a lazy continuation); anything else keeps it
 * counted, which can only overstate the depth.
 */
class OpenDirectives {
  private readonly stack: Array<{ quotes: number; column: number }> = [];
  private paragraphMayBeOpen = false;

  get depth(): number {
    return this.stack.length;
  }

  open(prefix: Prefix): void {
    this.stack.push({ quotes: prefix.quotes, column: prefix.column });
    this.paragraphMayBeOpen = false;
  }

  text(): void {
    this.paragraphMayBeOpen = true;
  }

  blank(): void {
    this.paragraphMayBeOpen = false;
  }

  close(prefix: Prefix): void {
    const top = this.stack.at(-1);
    if (top === undefined || prefix.markers > prefix.quotes || prefix.quotes > top.quotes || prefix.column > top.column + 3 || prefix.gap > 3) return;
    const sameContainers = prefix.quotes === top.quotes && prefix.column >= top.column;
    if (sameContainers || !this.paragraphMayBeOpen) this.stack.pop();
    this.paragraphMayBeOpen = false;
  }
}

interface Prefix {
  /** Block quote, list item and footnote markers on the line. */
  markers: number;
  /** How many of the markers are block quotes (`>`). */
  quotes: number;
  /** Visual column (tabs to the next multiple of 4) of the first character after the prefix. */
  column: number;
  /** Columns of white space before the first list or footnote marker (tabs to the next multiple of 4). */
  indent: number;
  /** Columns of the white space right before `rest` (after the last marker, or from the line's start). */
  gap: number;
  /** Index of the first character after the prefix (`stop` for a blank line). */
  rest: number;
  /** How many of the markers open footnote definitions. */
  footnotes: number;
  /** Whether the first marker after the block quotes opens a footnote definition. */
  footnoteFirst: boolean;
}

function containerPrefix(text: string, start: number, stop: number): Prefix {
  // `- - -` and `* * *` are thematic breaks, not list items: markers stop where such a tail starts.
  const tail = thematicTail(text, start, stop);
  let i = start;
  let column = 0;
  let indent = 0;
  let gap = 0;
  let markers = 0;
  let footnotes = 0;
  let quotes = 0;
  let footnoteFirst = false;
  // Containers still open from earlier lines are matched before new ones open, so only the
  // white space before the first new list item can continue an older one.
  let opened = false;
  for (;;) {
    gap = 0;
    while (i < stop && (text[i] === " " || text[i] === "\t")) {
      const width = text[i] === "\t" ? 4 - (column % 4) : 1;
      column += width;
      gap += width;
      if (!opened) indent += width;
      i++;
    }
    if (i >= stop || i === tail) break;
    const width = markerWidth(text, i, stop);
    if (width === 0) break;
    if (text[i] === "[" && !opened) footnoteFirst = true;
    if (text[i] !== ">") opened = true;
    if (text[i] === "[") footnotes++;
    if (text[i] === ">") quotes++;
    markers++;
    i += width;
    column += width;
  }
  return { markers, quotes, column, indent, gap, rest: i, footnotes, footnoteFirst };
}

/** Width of the container marker at `i` (`>`, `-`, `1.`, `[^note]:`), or 0. */
function markerWidth(text: string, i: number, stop: number): number {
  const c = text[i];
  // The one space after > belongs to the quote marker, not to the indentation of what follows.
  if (c === ">") return text[i + 1] === " " && i + 1 < stop ? 2 : 1;
  if (c === "-" || c === "*" || c === "+") return isSpaceOrEnd(text, i + 1, stop) ? 1 : 0;
  if (c !== undefined && c >= "0" && c <= "9") return listNumberWidth(text, i, stop);
  if (c === "[") return FOOTNOTE.exec(text.slice(i, Math.min(stop, i + 1000)))?.[0].length ?? 0;
  return 0;
}

function isSpaceOrEnd(text: string, i: number, stop: number): boolean {
  return i >= stop || text[i] === " " || text[i] === "\t";
}

function listNumberWidth(text: string, i: number, stop: number): number {
  const match = ORDERED.exec(text.slice(i, Math.min(stop, i + 11)));
  if (!match) return 0;
  return isSpaceOrEnd(text, i + match[0].length, stop) ? match[0].length : 0;
}

/**
 * Where the line's thematic-break tail starts: the leftmost mark from which
 * the rest of the line is three or more of one of - * _ with only blanks
 * between; -1 if there is none. One backward scan per line.
 */
function thematicTail(text: string, start: number, stop: number): number {
  let mark: string | undefined;
  let count = 0;
  let from = -1;
  for (let j = stop - 1; j >= start; j--) {
    const c = text[j];
    if (c === " " || c === "\t") continue;
    if (c !== "-" && c !== "*" && c !== "_") break;
    if (mark !== undefined && c !== mark) break;
    mark = c;
    count++;
    if (count >= 3) from = j;
  }
  return from;
}
