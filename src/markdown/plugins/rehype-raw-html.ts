import type { Comment, Element, Root } from "hast";
import type { VFile } from "vfile";
import { raw } from "hast-util-raw";
import { SKIP, visit } from "unist-util-visit";
import { linkAddress, linkAttribute, linkSources, placeKey } from "../link-sources.js";
import { writtenAttribute } from "./raw-attribute-text.js";

/** Never written out: removed again right after parsing. */
const PRE_GUARD = "gekkan-pre-guard";

// What CommonMark reads as a comment, processing instruction, CDATA section or
// declaration at the start of a raw HTML node (the node's own extent).
const NON_ELEMENT = /^([ \t]*)(?:<!--(?:-?>|[\s\S]*?-->)|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![A-Za-z][^>]*>)/;

// GFM's "disallowed raw HTML", minus <script>, <style> and <iframe>, which the sanitiser
// removes whole. These switch the HTML tokenizer to raw text, so what follows would be read
// as their content (an unclosed <plaintext> flattens every later heading, list and link).
const TAG_FILTER = /<(\/?)(noembed|noframes|plaintext|textarea|title|xmp)(?=[\t\n\f\r />])/gi;

/**
 * Parses raw HTML written in Markdown into real elements, so the sanitizer
 * can keep the safe parts. It runs on every document, with or without raw
 * HTML: parse5 re-reads the whole tree, and a document's output must not
 * depend on whether some unrelated line holds a tag.
 */
export function rehypeRawHtml() {
  return (tree: Root, file: VFile): Root => {
    guardPreNewlines(tree);
    const spans = prepareRaw(tree);
    // With the file, parsed elements keep their source positions: link checks report them.
    const parsed = raw(tree, { file }) as Root;
    removeGuards(parsed);
    recordRawLinks(parsed, spans, file);
    return parsed;
  };
}

/**
 * hast-util-raw hands start tags to parse5 past the hook that ends the
 * "drop a newline right after <pre>" rule, so `<pre><code>` followed by a
 * blank first line lost that line. A comment token does end the rule.
 */
function guardPreNewlines(tree: Root): void {
  visit(tree, "element", (node: Element) => {
    if (node.tagName === "pre") node.children.unshift({ type: "comment", value: PRE_GUARD });
  });
}

function removeGuards(tree: Root): void {
  visit(tree, "comment", (node: Comment, index, parent) => {
    if (node.value !== PRE_GUARD || parent === undefined || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

/**
 * Comments, `<?…?>`, `<![CDATA[…]]>` and `<!…>` never survive the sanitizer,
 * but HTML ends some of them at the first `>`, where CommonMark reads on
 * (`<?php echo '>'; ?>`): the rest would show up as text. Removing them
 * where Markdown says they end leaves nothing behind. Tags GFM filters are
 * escaped, so they show as the text the author typed.
 */
function prepareRaw(tree: Root): Span[] {
  const spans: Span[] = [];
  visit(tree, "raw", (node) => {
    const { start, end } = node.position ?? {};
    if (start?.offset !== undefined && end?.offset !== undefined) spans.push([start.offset, end.offset]);
    const match = NON_ELEMENT.exec(node.value);
    const value = match === null ? node.value : (match[1] ?? "") + node.value.slice(match[0].length);
    node.value = value.replace(TAG_FILTER, "&lt;$1$2");
  });
  return spans;
}

/** Where a raw HTML node stands in the file: [start, end) offsets. */
type Span = [start: number, end: number];

/**
 * The address of each link and picture written in raw HTML (`<a href>`,
 * `<img src>`) as the parse read it: before the base path is added, and as
 * the author escaped it. Quoted from the page, `#%E8%A6%8B…` was only found
 * decoded again (`#見出し…`), which is not in the file; so was `&amp;`, so
 * the attribute's text and place are read from the file. Markdown's own
 * elements are not in a raw node's span; remark-link-sources keeps theirs.
 */
function recordRawLinks(tree: Root, spans: readonly Span[], file: VFile): void {
  if (spans.length === 0) return;
  const sources = linkSources(file);
  const source = String(file.value);
  visit(tree, "element", (node: Element) => {
    const address = linkAddress(node);
    const name = linkAttribute(node);
    const start = node.position?.start;
    if (address === undefined || name === undefined || start?.offset === undefined) return;
    const offset = start.offset;
    const span = spans.find(([from, to]) => offset >= from && offset < to);
    if (span === undefined) return;
    const written = writtenAttribute(source, { offset, line: start.line, column: start.column }, span[1], { tagName: node.tagName, name, value: address });
    const text = written === undefined || written.text === address ? {} : { inText: written.text };
    const attribute = written === undefined ? {} : { attribute: { line: written.line, column: written.column } };
    sources.set(placeKey(start), { written: address, ...text, ...attribute });
  });
}
