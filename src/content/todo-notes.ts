import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import { findTodoNotes, todoAdvice } from "../markdown/todo-note.js";
import type { RenderedIssue } from "./render-issue.js";

/**
 * "TODO" or "FIXME" in a published issue's title, summary or text (not a draft's): a
 * warning at each place, from the build and from `gekkan check`. Not an
 * error: an issue may be about a TODO file or a FIXME comment (then write it
 * in code, or stop the warning with ignoreWarnings: [todo-note]).
 */
export function todoNoteWarnings(rendered: readonly RenderedIssue[]): VFileMessage[] {
  // A draft is where such notes belong, also when --drafts builds it.
  return rendered.filter(({ issue }) => !issue.draft).flatMap(({ issue, body }) => [
    ...fieldNotes(issue.file, "title", issue.title, issue.titleLine),
    ...fieldNotes(issue.file, "summary", issue.summary, issue.summaryLine),
    ...body.todos.map((note) => warning(issue.file, todoAdvice(note.text, "text"), { line: note.line, column: note.column }, "todo-note")),
  ]);
}

function fieldNotes(file: string, field: string, value: string, line: number): VFileMessage[] {
  const first = findTodoNotes(value)[0];
  return first === undefined ? [] : [warning(file, todoAdvice(first.note, { field }), { line, column: 1 }, "todo-note")];
}
