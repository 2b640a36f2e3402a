import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import type { RenderedIssue } from "./render-issue.js";

/**
 * `# 見出し` in an issue's text: the page's title is already its heading 1,
 * so the page gets a second one, and readers of screen readers and the
 * table of contents (which lists ## and ###) lose the section. A warning,
 * from the build and from `gekkan check`, at the heading: the page still
 * builds, but the heading was surely meant one level down.
 */
export function bodyH1Warnings(rendered: readonly RenderedIssue[]): VFileMessage[] {
  return rendered.flatMap(({ issue, body }) =>
    body.h1s.map((heading) => {
      const reason = `"${heading.text}" is a heading 1, a second one on the page: the issue's title is its heading 1, and headings in the text start at ##; write "${heading.asH2}"`;
      return warning(issue.file, reason, { line: heading.line, column: heading.column }, "body-h1");
    }),
  );
}
