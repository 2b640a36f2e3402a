import { unified } from "unified";
import remarkParse from "remark-parse";
import type { Nodes, Parents, RootContent } from "mdast";
import type { Place } from "../diagnostics.js";
import { MARK_NAMES, MARKDOWN_CHECKED_FIELDS, type FieldMarkdown, type MarkKind } from "./front-matter-markdown.js";

/** Finds the Markdown marks in a title or summary (front-matter-markdown.ts says what readers would see). */

// Every mark the parser is asked about starts with one of these: a field without any (most titles) is never parsed.
const MARK_CHARACTERS = /[*_`[<]/;

// CommonMark, as the issue text reads it, without GFM: GFM makes a link of a bare address (https://…, www.…),
// which is no mark an author typed and reads the same as text; its strikethrough is not among the marks checked.
const parser = unified().use(remarkParse);

/** The Markdown marks in `text`, or undefined when there are none (a lone *, [注], a < b). */
export function markdownIn(text: string): Pick<FieldMarkdown, "marks" | "plain"> | undefined {
  if (!MARK_CHARACTERS.test(text)) return undefined;
  const tree = parser.parse(text);
  const marks: FieldMarkdown["marks"] = [];
  collectMarks(tree, text, marks);
  return marks.length === 0 ? undefined : { marks, plain: unmarked(tree, text).trim() };
}

// `__init__`, `__name__`: CommonMark reads a Python name between underscores as bold, but in front matter,
// shown as typed, it is just the name the author meant.
const UNDERSCORED_NAME = /^_{1,2}[A-Za-z][A-Za-z0-9_]*_{1,2}$/;

function isMark(node: Nodes, text: string): node is Extract<Nodes, { type: MarkKind }> {
  if ((node.type === "strong" || node.type === "emphasis") && UNDERSCORED_NAME.test(sourceOf(node, text))) return false;
  return node.type in MARK_NAMES;
}

function collectMarks(node: Nodes, text: string, marks: FieldMarkdown["marks"]): void {
  if (isMark(node, text) && !marks.some((mark) => mark.kind === node.type)) marks.push({ kind: node.type, typed: node.type === "html" ? firstTag(node.value) : sourceOf(node, text) });
  if ("children" in node) for (const child of node.children) collectMarks(child, text, marks);
}

/** An HTML block (a whole title that starts with a tag) named by its first tag, as a tag alone is. */
function firstTag(html: string): string {
  return /^<[^>]*>/.exec(html)?.[0] ?? html;
}

function sourceOf(node: Nodes, text: string): string {
  return text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? text.length);
}

/**
 * The text with each mark replaced by what it marks: code by its code, an
 * image by its alt text, raw HTML by the text between its tags. Everything else stays as
 * typed (a backslash or `&amp;` too: front matter shows those as typed).
 */
function unmarked(node: Nodes, text: string): string {
  switch (node.type) {
    case "inlineCode":
      return node.value;
    case "image":
      return node.alt ?? "";
    case "html":
      // A tag alone is a mark; a title that starts with one is read as an HTML block, with its text inside.
      return node.value.replace(/<[^>]*>/g, "");
    case "strong":
    case "emphasis":
    case "link":
      return isMark(node, text) ? node.children.map((child) => unmarked(child, text)).join("") : sourceOf(node, text);
    default:
      return "children" in node && node.children.length > 0 ? withTypedGaps(node, text) : sourceOf(node, text);
  }
}

/** A node that is not a mark, as typed around its children (a heading's "# ", the blank line between paragraphs). */
function withTypedGaps(node: Parents, text: string): string {
  const children: RootContent[] = node.children;
  let at = node.position?.start.offset ?? 0;
  let out = "";
  for (const child of children) {
    const start = child.position?.start.offset ?? at;
    out += text.slice(at, start) + unmarked(child, text);
    at = child.position?.end.offset ?? start;
  }
  return out + text.slice(at, node.position?.end.offset ?? text.length);
}

/** The fields among `fields` that hold Markdown, each at its value's place. */
export function fieldsWithMarkdown(fields: { title: string; summary?: string | undefined }, locate: (path: readonly PropertyKey[]) => Place | undefined): FieldMarkdown[] {
  return MARKDOWN_CHECKED_FIELDS.flatMap((field) => {
    const found = markdownIn(fields[field] ?? "");
    const place = found === undefined ? undefined : locate([field]);
    return found === undefined ? [] : [{ field, line: place?.line ?? 1, column: place?.column ?? 1, ...found }];
  });
}
