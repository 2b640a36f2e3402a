import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import type { RenderedIssue } from "../content/render-issue.js";
import { displayWidth } from "../email/display-width.js";

/**
 * Widest title, in columns (a Japanese character takes two), that inbox
 * lists, browser tabs and search results still show whole or nearly so;
 * past it a title is cut short there and its email Subject folds over
 * several header lines.
 */
export const LONG_TITLE_COLUMNS = 120;

/**
 * An issue that builds but that readers would find broken: a page with
 * only its title (nothing was written below the front matter), or a title
 * too long for the places that show it. Warnings, as either can be meant.
 */
export function issueShapeWarnings(rendered: readonly RenderedIssue[]): VFileMessage[] {
  const messages: VFileMessage[] = [];
  for (const { issue, body } of rendered) {
    if (body.html.trim() === "" && body.blocks.length === 0) {
      messages.push(warning(issue.file, "the issue has no text: its page shows only the title; write the issue below the front matter's closing ---", { line: issue.bodyLine, column: 1 }, "empty-issue"));
    }
    const width = displayWidth(issue.title);
    if (width > LONG_TITLE_COLUMNS) {
      const reason = `the title is ${width} columns wide (a Japanese character takes two): inbox lists, browser tabs and search results cut it short; keep it within ${LONG_TITLE_COLUMNS} and put the rest in summary`;
      messages.push(warning(issue.file, reason, { line: issue.titleLine, column: 1 }, "long-title"));
    }
  }
  return messages;
}
