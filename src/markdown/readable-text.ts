import type { ElementContent, Nodes } from "hast";
import { toString } from "hast-util-to-string";

/**
 * An element's text as a reader reads it where it is shown away from its
 * footnotes (a contents list, a question's title on /compat/ and in
 * data/compat.json): without its footnote references, whose numbers would
 * otherwise run into the words ("…ですか？1"). The heading's id keeps them,
 * as GitHub's does, so links written to it stay valid. Its blanks are
 * collapsed and trimmed (HTML's blanks only: a full-width space is a
 * character the author typed).
 */
export function readableText(node: Nodes): string {
  // A run of blanks reads as one space, as a browser shows it: raw HTML taken out of `A & <x> "B"` left two, shown as they are in a contents list and data/compat.json.
  return toString(withoutNoteRefs(node)).replace(/[ \t\n\r\f]+/g, " ").trim();
}

function withoutNoteRefs(node: Nodes): Nodes {
  if (!("children" in node)) return node;
  const children = (node.children as ElementContent[]).filter((child) => !isNoteRef(child)).map((child) => withoutNoteRefs(child) as ElementContent);
  return { ...node, children } as Nodes;
}

/** A footnote reference as remark-rehype makes it: `<a data-footnote-ref>` (in its `<sup>`). */
function isNoteRef(node: ElementContent): boolean {
  return node.type === "element" && node.properties.dataFootnoteRef !== undefined && node.properties.dataFootnoteRef !== false;
}
