/**
 * Emphasis and link markers (`*` `_` `~` `[` `]`) packed into one paragraph
 * make micromark's inline pass slow down with the square of their number:
 * 40 KB of `*` took minutes. One linear pass before parsing bounds that
 * work. A paragraph (or a table) is at most a run of non-blank lines, so
 * counting per run never undercounts.
 *
 * The limit is per paragraph (`limit` markers); since the cost is the
 * square, the whole issue may hold the work of two paragraphs at the limit
 * (the sum of each paragraph's count squared stays under 2 × limit²).
 * Ordinary text is far below: a thousand paragraphs with twenty markers
 * each use 5% of it.
 */
export interface DensityFound {
  /** Markers in the paragraph where the limit was passed. */
  markers: number;
  /** True when this paragraph alone is over the limit; false when the total is. */
  single: boolean;
  /** 1-based line in the body where that paragraph starts. */
  line: number;
}

/** The first paragraph at which the markers pass the limit, or undefined. */
export function excessiveMarkers(body: string, limit: number): DensityFound | undefined {
  const budget = 2 * limit * limit;
  let spent = 0;
  const lines = body.split("\n");
  for (let i = 0; i < lines.length; ) {
    if ((lines[i] ?? "").trim() === "") {
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && (lines[end] ?? "").trim() !== "") end++;
    let markers = 0;
    for (let k = i; k < end; k++) markers += countMarkers(lines[k] ?? "");
    spent += markers * markers;
    if (markers > limit || spent > budget) return { markers, single: markers > limit, line: i + 1 };
    i = end;
  }
  return undefined;
}

/** `*` `~` `[` `]`, and `_` unless it sits inside a word (snake_case cannot emphasise). */
function countMarkers(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "*" || c === "~" || c === "[" || c === "]") n++;
    else if (c === "_" && !(isWordChar(line[i - 1]) && isWordChar(line[i + 1]))) n++;
  }
  return n;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}
