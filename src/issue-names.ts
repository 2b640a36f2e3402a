/** Past this many, a list of every issue would bury the message (a series of years has hundreds). */
const LISTED = 12;

/**
 * The issues a "no issue X" message names, given oldest first, each as it
 * should be shown: all of a short list; of a long one, how many and the
 * first and the last.
 */
export function namedIssues(oldestFirst: readonly string[]): string {
  if (oldestFirst.length <= LISTED) return oldestFirst.join(", ");
  return `${oldestFirst.length} issues, from ${oldestFirst[0] ?? ""} to ${oldestFirst.at(-1) ?? ""}`;
}

/** `text` with full-width digits (１２, as a Japanese input method types them) made ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/**
 * The issue number an author wrote with the words around it, as it is said
 * or printed: "第12号", "12号", "No. 12", "#12", or in full-width digits
 * alone ("１２", as a Japanese input method types them), else undefined.
 * gekkan takes an issue number as ASCII digits alone, and says so; digits
 * alone are returned as they are, for a caller to tell from a number given.
 */
export function numberInWords(text: string): string | undefined {
  return /^(?:第|no\.?|#)?\s*(\d+)\s*(?:号)?$/i.exec(asciiDigits(text).trim())?.[1];
}
