import { compareText } from "../diagnostics.js";

/** How many pages a template's mistake names as examples: enough to recognise the kind of page, few enough to read. */
const EXAMPLES = 3;

/**
 * Said after a message reported once for a mistake on many pages (`others`:
 * the pages besides the one it is reported at, in order): how many, and a
 * few of them, so the line stays one line on a site of thousands of issues.
 */
export function andOnOtherPages(others: readonly string[]): string {
  return ` and on ${others.length} other ${others.length === 1 ? "page" : "pages"} (${examplesOf(others)})`;
}

/** "e.g. /a/, /b/, /c/": the first few of `pages`. */
export function examplesOf(pages: readonly string[]): string {
  return `e.g. ${pages.slice(0, EXAMPLES).join(", ")}`;
}

/** A place on a built page, as the pages a mistake is on are ordered. */
export interface PagePlace {
  page: string;
  line: number;
  column: number;
}

/** The order those pages are named in, the same on every run: by address ("/404.html" after "/"), then line and column. */
export function byPagePlace(a: PagePlace, b: PagePlace): number {
  return compareText(a.page, b.page) || a.line - b.line || a.column - b.column;
}
