/**
 * A note an author leaves to themselves while writing ("TODO: 数字を確認",
 * "FIXME"), meant to go before the issue is published: readers would see it.
 * Only the capitalised words, standing alone: not when letters run on
 * ("TODOリスト", "TODOs"), where the word is likely the topic. One rule for
 * the text and the front matter (global: for matchAll).
 */
export const TODO_NOTE = /(?<![\p{L}\p{N}_])(?:TODO|FIXME)(?![\p{L}\p{N}_])/gu;

/** Each note in `text`, with its offset, in order. */
export function findTodoNotes(text: string): Array<{ note: string; at: number }> {
  return [...text.matchAll(TODO_NOTE)].map((match) => ({ note: match[0], at: match.index }));
}

/** What to tell the author about `note`, in the text or in a front-matter field. */
export function todoAdvice(note: string, where: "text" | { field: string }): string {
  const place = where === "text" ? "in the text" : `in ${where.field}`;
  return `"${note}" ${place} looks like a note to yourself: readers would see it in the page, feeds and email; finish what it marks and remove it, or keep draft: true until then (in code, \`${note}\` is left alone)`;
}
