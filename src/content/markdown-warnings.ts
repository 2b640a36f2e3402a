import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import type { PlacedWarning } from "../markdown/rendered.js";
import type { RenderedIssue } from "./render-issue.js";

/**
 * What the Markdown stage found in an issue's text that may not be meant
 * (rendered.ts's PlacedWarning): a warning at its place, from the build and
 * from `gekkan check`. Each kind is named where it is given, so the config's
 * ignoreWarnings knows every kind there is (warning-kinds.ts).
 */
export function markdownWarnings(rendered: readonly RenderedIssue[]): VFileMessage[] {
  return rendered.flatMap(({ issue, body }) => (body.warnings ?? []).map((found) => given(issue.file, found)));
}

function given(file: string, { kind, reason, line, column }: PlacedWarning): VFileMessage {
  switch (kind) {
    case "table-short-row":
      return warning(file, reason, { line, column }, "table-short-row");
    case "image-alt":
      return warning(file, reason, { line, column }, "image-alt");
  }
}
