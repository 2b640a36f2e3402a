import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";

/*
 * Markdown typed in front matter (`title: "**太字**"`): gekkan shows a
 * title or summary as plain text, escaped, so readers see the marks as typed
 * on the page, in feeds, emails, lists and search. A warning
 * (front-matter-markdown), not an error: a title about Markdown itself may
 * mean its marks. The marks are found when an issue is parsed
 * (front-matter-marks.ts, which loads the Markdown parser); this file only
 * words what was found, so reporting never loads the parser.
 */

/** The front-matter fields shown as plain text that are checked, by name. */
export const MARKDOWN_CHECKED_FIELDS = ["title", "summary"] as const;

/** One front-matter field that holds Markdown, found when the issue is parsed (so it is cached with it). */
export interface FieldMarkdown {
  field: (typeof MARKDOWN_CHECKED_FIELDS)[number];
  /** Where the field's value starts in the file. */
  line: number;
  column: number;
  /** Each kind of mark found, with its first occurrence as typed, in order. */
  marks: Array<{ kind: MarkKind; typed: string }>;
  /** The field's text with the marks taken out: what to write instead. */
  plain: string;
}

export type MarkKind = "strong" | "emphasis" | "link" | "image" | "inlineCode" | "html";

export const MARK_NAMES: Readonly<Record<MarkKind, string>> = {
  strong: "bold",
  emphasis: "emphasis",
  link: "a link",
  image: "an image",
  inlineCode: "code",
  html: "HTML",
};

/** One warning per field that holds Markdown, in every issue built (a draft too: the marks would be published with it). */
// Typed by shape, not RenderedIssue: issue.ts takes its types from this file, and render-issue.ts imports issue.ts.
export function frontMatterMarkdownWarnings(rendered: ReadonlyArray<{ issue: { file: string; fieldMarkdown?: FieldMarkdown[] | undefined } }>): VFileMessage[] {
  return rendered.flatMap(({ issue }) => (issue.fieldMarkdown ?? []).map((found) => warning(issue.file, markdownAdvice(found), { line: found.line, column: found.column }, "front-matter-markdown")));
}

/** What to tell the author: which marks, why readers see them, and the field written without them. */
export function markdownAdvice(found: FieldMarkdown): string {
  const named = found.marks.map((mark) => `${MARK_NAMES[mark.kind]} ${shorten(mark.typed)}`);
  const linked = found.marks.some((mark) => mark.kind === "link" || mark.kind === "image");
  const without = found.plain === "" ? `write the ${found.field} as text alone` : `write the ${found.field} as text alone: ${found.field}: ${JSON.stringify(found.plain)}`;
  const link = linked ? `; a link or image belongs in the issue's text, below the front matter` : "";
  return `${found.field} holds Markdown (${named.join(", ")}), but front matter is not Markdown: readers see the marks as typed, on the page, in feeds and in emails; ${without}${link}`;
}

function shorten(typed: string): string {
  const flat = typed.replace(/\s+/g, " ");
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
