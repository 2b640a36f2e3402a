import type { Html, Paragraph, Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import { diagnostic, type Place } from "../../diagnostics.js";
import { BLOCK_KINDS } from "../../blocks/types.js";
import { didYouMean } from "../../suggest.js";
import { describeAttributeProblem } from "./near-miss-attributes.js";
import { readAttributes } from "./attribute-list.js";
import { lineAt, lineStarts, sourceLineStarts, type LineStart } from "../reader-text.js";
import { trimSpacesEnd } from "../../trim-end.js";

/**
 * Block syntax that almost worked: `:::release {…}`, `::: stonith{…}`,
 * full-width `：：：`, attributes that do not parse, a stray `:::`. Markdown
 * reads each as an ordinary paragraph, and the page would show the colons
 * as text; here each becomes a located error with the fix spelt out. After
 * this plugin, no paragraph that starts with `:::` can reach a page.
 */
export function remarkNearMissBlocks() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    // A broken opening line leaves its closing ::: behind as text; that one is not a second mistake.
    let unclosed = 0;
    /** Reports the line at `start` if it is block syntax that missed (in a table row: an opening or closing line only); whether it did. */
    const report = (start: LineStart, inRow = false): boolean => {
      const found = nearMiss(source, start.offset);
      if (found === undefined || (inRow && found.kind === "other")) return false;
      if (found.kind === "close" && unclosed > 0) {
        unclosed--;
        return false;
      }
      if (found.kind === "open") unclosed++;
      file.messages.push(diagnostic(where, found.reason, start.place, "block-near-miss"));
      return true;
    };
    visit(tree, (node) => {
      if (node.type === "html") {
        checkHtml(node, where, file);
        unclosed += blocksInHtml(node, source, where, file);
        return;
      }
      // A table takes the lines under it up to a blank one as rows, one cell each when they have no "|": a stray or broken ::: line there was shown as a cell of colons.
      if (node.type === "tableRow") {
        const [start] = sourceLineStarts(node, source);
        if (start !== undefined) report(start, true);
        return;
      }
      if (node.type !== "paragraph") return;
      let reportedFirst = false;
      for (const start of lineStarts(node, source)) {
        if (report(start) && start.offset === node.position?.start.offset) reportedFirst = true;
      }
      if (!reportedFirst && startsWithColons(node)) {
        file.messages.push(diagnostic(where, 'a paragraph cannot start with ":::", even escaped: it would look like a broken block on the page; to show the colons, put them in code (`:::`) or start the line with other words', startOf(node), "block-near-miss"));
      }
    });
  };
}

type Found = { kind: "open" | "close" | "other"; reason: string };

const KNOWN = `gekkan knows ${BLOCK_KINDS.map((k) => `:::${k}{…}`).join(", ")}`;

/** What is wrong with a line that starts with colons at `offset`, or undefined if it does not. */
function nearMiss(source: string, offset: number): Found | undefined {
  const line = trimSpacesEnd(lineAt(source, offset));
  // Not /^([:：]+)(.*)$/: over a long run of colons that meets a line break it backtracks once per colon.
  const colons = /^[:：]+/.exec(line)?.[0];
  if (colons === undefined || /[\n\r\u2028\u2029]/.test(line)) return undefined;
  const rest = line.slice(colons.length);
  const name = /^\s*([A-Za-z][\w-]*)/.exec(rest)?.[1];
  if (colons.includes("：")) {
    const written = name === undefined ? colons : `${colons}${name}`;
    return { kind: name === undefined ? "close" : "open", reason: `"${written}" is written with full-width colons (：); type them as ASCII colons, ":::${name ?? ""}", or this is printed as text${nameHint(name)}` };
  }
  if (colons.length < 3) {
    // "::" is ordinary text ("::1", a C++ name) unless a block name and attributes follow.
    if (name === undefined || !/^\s*[A-Za-z][\w-]*\s*\{/.test(rest)) return undefined;
    // `::name{…}` itself is the leaf form, reported by remark-blocks (leaf-forms.ts): one message per line.
    if (colons.length === 2 && /^[A-Za-z][\w-]*[{[]/.test(rest)) return undefined;
    return { kind: "open", reason: `a block opens with three colons: write ":::${name}{…}" on its own line, then the text, then a line with only :::${nameHint(name)}` };
  }
  if (rest === "") return { kind: "close", reason: `this ":::" closes a block, but no block is open here; delete the line, or check the block's opening line above (":::name{…}" with no spaces)` };
  if (name === undefined) return { kind: "other", reason: `a paragraph cannot start with "${colons}"; open a block with ":::name{…}" (${KNOWN}), or put the colons in code (\`${colons}\`)` };
  if (/^\s/.test(rest)) return { kind: "open", reason: `remove the space between ${colons} and ${name}: write "${colons}${name}{…}", or this line is printed as text${nameHint(name)}` };
  const afterName = rest.slice(name.length);
  if (/^\s+\{/.test(afterName)) return { kind: "open", reason: `remove the space between ${colons}${name} and {: write "${colons}${name}{…}", or this line is printed as text${nameHint(name)}` };
  if (/^\s*｛/.test(afterName)) return { kind: "open", reason: `"｛" is a full-width brace; type ASCII braces, "${colons}${name}{…}", or this line is printed as text${nameHint(name)}` };
  if (afterName.startsWith("{")) return { kind: "open", reason: `${describeAttributeProblem(`${colons}${name}`, afterName)}${nameHint(name)}` };
  const braced = inBraces(afterName);
  if (braced !== undefined) return { kind: "open", reason: `write the attributes in braces: ${colons}${name}${braced}, or this line is printed as text${nameHint(name)}` };
  return { kind: "open", reason: `the line that opens a block holds only "${colons}${name}{…}"; move the text after it to the next line${nameHint(name)}` };
}

/**
 * `component="pacemaker" status="planned"` after the name, the braces left
 * out (or only the opening one): the attributes in braces, when every word
 * is a name=value pair (or #id) as a block reads them; else undefined, and
 * the text is taken for text ("move it to the next line" would break them).
 */
function inBraces(afterName: string): string | undefined {
  const braced = `{${afterName.trim().replace(/\s*\}$/, "")}}`;
  const read = readAttributes(braced);
  if (read === undefined || read.end !== braced.length || read.attributes.length === 0) return undefined;
  return read.attributes.every((attribute) => attribute.assigned && attribute.key !== "class") ? braced : undefined;
}

function nameHint(name: string | undefined): string {
  if (name === undefined || (BLOCK_KINDS as readonly string[]).includes(name)) return "";
  return didYouMean(name, BLOCK_KINDS, (k) => `:::${k}`).replace(/^ — /, "; ") || `; ${KNOWN}`;
}

/** The paragraph as the page would show it starts with three colons (an escape or entity made them). */
function startsWithColons(node: Paragraph): boolean {
  const first = node.children[0];
  return first?.type === "text" && /^\s*[:：]{3}/.test(first.value);
}

/** Raw HTML that writes such a paragraph itself is held to the same rule. */
function checkHtml(node: Html, where: string, file: VFile): void {
  if (opensParagraphWithColons(node.value)) {
    file.messages.push(diagnostic(where, 'a paragraph cannot start with ":::", even in HTML: it would look like a broken block on the page; put the colons in <code>', startOf(node), "block-near-miss"));
  }
}

/** HTML whose lines are meant as they stand: hidden (a comment) or shown as written (code). */
const VERBATIM_HTML = /<!--|<(?:pre|code|kbd|samp|textarea|script|style|xmp|listing|plaintext)[\s>]/i;

/**
 * A block opened on the line under an HTML tag (`<div>` then `:::release{…}`,
 * no blank line between) is, in CommonMark, more of that HTML: the page
 * would show the line as text, and nothing else tells the author why. Each
 * such opening line is reported; returns how many of them are not closed
 * inside the HTML, so the ::: they leave below is not blamed as well.
 */
function blocksInHtml(node: Html, source: string, where: string, file: VFile): number {
  if (VERBATIM_HTML.test(node.value)) return 0;
  const lines = sourceLineStarts(node, source);
  const tag = lines[0] === undefined ? "" : trimSpacesEnd(lineAt(source, lines[0].offset));
  const first = tag.length > 60 ? `${tag.slice(0, 59)}…` : tag;
  let open = 0;
  for (const start of lines.slice(1)) {
    const line = trimSpacesEnd(lineAt(source, start.offset));
    const name = /^[:：]{3,}\s*([A-Za-z][\w-]*)/.exec(line)?.[1];
    if (name !== undefined) {
      open++;
      const reason = `":::${name}{…}" is read as part of the HTML "${first}" on line ${lines[0]?.place.line ?? 1}, since no blank line comes between them, so the page would show this line as text; put a blank line before it`;
      file.messages.push(diagnostic(where, reason, start.place, "block-near-miss"));
    } else if (open > 0 && /^:{3,}$/.test(line)) open--;
  }
  return open;
}

/**
 * `<p …>` then `:::`, as /<p(?:\s[^>]*)?>\s*[:：]{3}/i finds it, in one pass:
 * that pattern scans to the end from every `<p` of HTML that has no `>`
 * after it. The first `>` after a `<p` ends its tag; once there is none,
 * no later `<p` has one either.
 */
export function opensParagraphWithColons(html: string): boolean {
  const tag = /<p(?=[>\s])/gi;
  const colons = /\s*[:：]{3}/y;
  let checked = -1;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const end = html.indexOf(">", m.index + 2);
    if (end === -1) return false;
    // Several <p in one tag share its >: what follows it is looked at once.
    if (end === checked) continue;
    checked = end;
    colons.lastIndex = end + 1;
    if (colons.test(html)) return true;
  }
  return false;
}

function startOf(node: { position?: { start: { line: number; column: number } } | undefined }): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
