import type { RootContent } from "mdast";
import type { Place } from "../../diagnostics.js";

/**
 * A line of two hyphens, or of dashes typed with a Japanese input method
 * (ーーー, －－－, ———), after a blank line is a paragraph, not the `---`
 * that splits a :::qa block: the block then has no answer, and pointing at
 * its opening line left the author to find the line that was meant.
 */
const NEAR_SEPARATOR = /^[ \t]*(--|[ー－—―–‐−]+)[ \t]*$/u;

/** The first line inside the block that looks meant as its `---`, with where it is and what was written. */
export function separatorTypo(children: readonly RootContent[], source: string): { place: Place; written: string } | undefined {
  for (const child of children) {
    const start = child.position?.start;
    if (child.type !== "paragraph" || start?.offset === undefined) continue;
    const lineEnd = source.indexOf("\n", start.offset);
    const firstLine = source.slice(start.offset, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, "");
    const written = NEAR_SEPARATOR.exec(firstLine)?.[1];
    if (written !== undefined) return { place: { line: start.line, column: start.column }, written };
  }
  return undefined;
}

/** What the author reads: the line as written and the one to type instead. */
export function separatorTypoReason(written: string): string {
  const what = written === "--" ? `this "--" has two hyphens` : `"${written}" is typed with full-width or long dashes`;
  return `${what}; a :::qa block's question and answer are split by a line with only --- (three ASCII hyphens): write --- here, or the block has no answer`;
}
