/**
 * Where a raw HTML node's value stands in the file. Inside a block quote or
 * a list item the value lacks each later line's container prefix (`> `, the
 * item's indentation), so the places hast-util-raw gives what it parses
 * there (counted in the value) are short by that prefix on every line after
 * the first, and a tag read again from the file meets the `>` markers. Maps
 * an offset into the value, as parse5 read it after prepareRaw's edits, to
 * the file's offset of the same character.
 */
export type ValueToFile = (at: number) => number | undefined;

/** One change prepareRaw made to a value: from `at` (in the edited value) on, offsets are `shift` more in the value as written. */
export interface ValueEdit {
  at: number;
  shift: number;
}

/**
 * `value` (the node's text as written, without container prefixes) found
 * line by line in `source` from `from`, its node's start. A later line
 * stands after its line's run of markers and blanks (`> `, indentation);
 * the value keeps only the end of that run, and a tab the prefix took part
 * of is spaces there, so each line is anchored where the run ends, in both.
 * A line not found so leaves the whole value unmapped: no place is better
 * than a wrong one. `edits` (in order) undo prepareRaw's.
 */
export function valueToFile(source: string, from: number, value: string, edits: readonly ValueEdit[]): ValueToFile {
  if (edits.length === 0 && source.startsWith(value, from)) return (at) => (at >= 0 && at <= value.length ? from + at : undefined);
  // Found the first time a place is asked for: most raw nodes hold no link and no message.
  let found: Anchor[] | undefined | null = null;
  return (edited) => {
    if (found === null) found = anchors(source, from, value);
    const lines = found;
    if (lines === undefined) return undefined;
    let at = edited;
    for (const edit of edits) if (edited >= edit.at) at += edit.shift;
    if (at < 0 || at > value.length) return undefined;
    let line = lines.length - 1;
    while (line > 0 && (lines[line] as Anchor).lineValue > at) line--;
    const anchor = lines[line] as Anchor;
    // Inside the leading blanks, counted back from the anchor, never into the prefix's line before.
    return at >= anchor.value ? anchor.file + (at - anchor.value) : Math.max(anchor.lineFile, anchor.file - (anchor.value - at));
  };
}

/** A line of the value: where it starts in the value, and where its text after its leading run starts in the value and in the file. */
interface Anchor {
  lineValue: number;
  lineFile: number;
  value: number;
  file: number;
}

/** A run of what a container prefix is made of; a value's line may start with such a run of its own. */
const PREFIX_RUN = /[ \t>]*/y;

function runLength(text: string, at: number): number {
  PREFIX_RUN.lastIndex = at;
  return PREFIX_RUN.exec(text)?.[0].length ?? 0;
}

function anchors(source: string, from: number, value: string): Anchor[] | undefined {
  const lines: Anchor[] = [];
  let inValue = 0;
  let inFile = from;
  for (const line of value.split("\n")) {
    // The first line starts where the node does; a later one's text follows the file line's run.
    const run = lines.length === 0 ? 0 : runLength(line, 0);
    const text = lines.length === 0 ? from : inFile + runLength(source, inFile);
    if (!source.startsWith(line.slice(run), text)) return undefined;
    lines.push({ lineValue: inValue, lineFile: inFile, value: inValue + run, file: text });
    inValue += line.length + 1;
    inFile = text + line.length - run;
    if (source[inFile] !== "\n" && inValue <= value.length) return undefined;
    inFile += 1;
  }
  return lines;
}

/** A file offset's line and column (from 1, in UTF-16 code units, as the Markdown parser counts them). */
export type PointAt = (offset: number) => { line: number; column: number; offset: number };

export function pointsIn(source: string): PointAt {
  const starts: number[] = [];
  return (offset) => {
    if (starts.length === 0) {
      starts.push(0);
      for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1, offset };
  };
}
