/** "1 issue", "2 issues": English counts in terminal messages. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
