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
