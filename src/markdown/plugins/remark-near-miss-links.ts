import type { Definition, Image, Link, Root } from "mdast";
import type { VFile } from "vfile";
import { diagnostic } from "../../diagnostics.js";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { placedMatches, readerText, visitTextContainers } from "../reader-text.js";
import { unfinishedLinks } from "./unfinished-links.js";
import { headingSlug } from "./rehype-heading-ids.js";

/**
 * `![a pic](/images/my pic.png)`: a link or image whose address has a space
 * is not a link in CommonMark, and the page would show the brackets and the
 * address as text. Each one that reaches the text, with an address that
 * looks like a path or URL, is an error saying how to write the space.
 * So is one whose parentheses are apart from its brackets (`[前号] (/x/)`) or
 * typed full-width by a Japanese input method (`[前号]（/x/）`), and one
 * left unfinished (unfinished-links.ts).
 */
export function remarkNearMissLinks() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    // Walked for only when a reference has no definition, which is rare: most issues pay nothing for it.
    let labels: string[] | undefined;
    const definitions = () => (labels ??= definitionLabels(tree));
    visitTextContainers(tree, (node) => {
      // One walk over the paragraph's links for both checks of a link on its own.
      visit(node, "link", (link: Link) => {
        reportEmptyLink(link, source, where, file);
        reportLinkInAutolink(link, source, where, file);
      });
      // Every shape below shows a "[" or a "<" as text: most paragraphs have neither, and are read once, not once per shape.
      const text = readerText(node);
      if (!text.includes("[") && !text.includes("<")) return;
      for (const { match, place } of placedMatches(node, source, SPACED_ADDRESS)) {
        const [written = "", bang = "", address = ""] = match;
        file.messages.push(diagnostic(where, `"${written}" is printed as text, not as ${bang === "!" ? "an image" : "a link"}: ${spacedAddressFix(written, address)}`, place, "link-near-miss"));
      }
      reportBrokenParentheses(node, source, where, file);
      file.messages.push(...unfinishedLinks(node, source, where, definitions));
    });
  };
}

/** [text](address with a space): the address starts like a path, URL or #anchor (a slash, a dot, a scheme, a #) and has no quoted title after it. */
const SPACED_ADDRESS = /(!?)\[[^\]\n]{0,200}\]\(((?:[./#]|[a-z][a-z0-9+.-]*:)[^()\s"']*\s[^()"'\n]{0,200}?)\)/gi;

/**
 * How to write a spaced address (`address`, of the link `written`) so that
 * it is one. A space in a path is written as %20 or kept inside <…>; one in
 * a #anchor (`#STONITH プラグイン`, a heading's text as the author sees it)
 * either way gives an anchor no heading has: a heading's id has no spaces,
 * so the fix is the id its text gets (rehype-heading-ids.ts), which
 * `gekkan check` then checks like any anchor.
 */
function spacedAddressFix(written: string, address: string): string {
  const trimmed = address.trim();
  const hash = trimmed.indexOf("#");
  if (hash !== -1 && !/\s/.test(trimmed.slice(0, hash))) {
    const asId = `${trimmed.slice(0, hash)}#${headingSlug(trimmed.slice(hash + 1))}`;
    return `its #anchor has a space, and a heading's id has none (its text in lower case, spaces as "-"): write "${written.slice(0, written.length - address.length - 2)}(${asId})"`;
  }
  return `its address has a space; write the space as %20 (${trimmed.replace(/\s/g, "%20")}) or put the address in angle brackets (<${trimmed}>)`;
}

/** [text] (address) or [text]（address）: brackets and an address that CommonMark does not join into a link. */
const BROKEN_PARENTHESES = /(!?)\[([^\]\n]{1,200})\]([ \t]*)([(（])((?:[./#]|[a-z][a-z0-9+.-]*:)[^()（）\s]{0,200})([)）])/gi;

function reportBrokenParentheses(node: Node, source: string, where: string, file: VFile): void {
  // Joined and ASCII: a link after all (one written with an escape or in code is not text here).
  const apart = ([, , , gap, open, , close]: RegExpMatchArray) => !(gap === "" && open === "(" && close === ")");
  for (const { match, place } of placedMatches(node, source, BROKEN_PARENTHESES, apart)) {
    const [written = "", bang = "", text = "", , open = "", address = "", close = ""] = match;
    const fix = open === "（" || close === "）" ? "type the parentheses as ASCII ( )" : "remove the space between ] and (";
    const what = bang === "!" ? "an image" : "a link";
    file.messages.push(diagnostic(where, `"${written}" is printed as text, not as ${what}: ${fix}, "${bang}[${text}](${address})"`, place, "link-near-miss"));
  }
}

/**
 * `<https://example.com/[公式](https://example.org/)>`: inside angle brackets
 * everything up to the ">" is one address, so the link syntax in it is part
 * of that address and the page shows its brackets and parentheses as the
 * link's text. Never meant: the address ends before the "[".
 */
function reportLinkInAutolink(link: Link, source: string, where: string, file: VFile): void {
  const from = link.position?.start.offset;
  const to = link.position?.end.offset;
  if (from === undefined || to === undefined || source.charAt(from) !== "<") return;
  const written = source.slice(from, to);
  const inner = LINK_SYNTAX.exec(written);
  if (inner === null) return;
  const [syntax = ""] = inner;
  const address = written.slice(1, inner.index);
  const place = { line: link.position?.start.line ?? 1, column: link.position?.start.column ?? 1 };
  file.messages.push(diagnostic(where, `"${written}" is one link whose address runs on through "${syntax}": inside <…> everything up to ">" is the address, so the page shows the brackets as the link's text; end the address before it, "<${address}>${written.slice(inner.index, -1)}"`, place, "link-near-miss"));
}

/** `[text](…` or `[text][…`, link syntax, inside an autolink's address. */
const LINK_SYNTAX = /!?\[[^\]]*\][(\[][^>]*/;

/** The labels of the link definitions (`[label]: address`), as written. */
function definitionLabels(tree: Root): string[] {
  const labels: string[] = [];
  visit(tree, "definition", (node: Definition) => {
    labels.push(node.label ?? node.identifier);
  });
  return labels;
}

/**
 * `[](https://…)`: a link with no text (nor a picture with an alt text) is
 * on the page but shows nothing to click, and a screen reader reads out its
 * address. Never meant: an error saying to write its words.
 */
function reportEmptyLink(link: Link, source: string, where: string, file: VFile): void {
  if (hasName(link)) return;
  const from = link.position?.start.offset;
  const written = from === undefined ? "" : source.slice(from, link.position?.end.offset);
  // An autolink's text is its address; a link made by escapes or HTML is not written as brackets.
  if (!written.startsWith("[")) return;
  const fix = link.children.some((child) => child.type === "image")
    ? "give its picture an alt text saying where the link goes, between ![ and ]"
    : `write its words between the brackets, "[words](${link.url})"`;
  file.messages.push(diagnostic(where, `"${written}" is a link with no text: the page shows nothing to click, and a screen reader reads out the address; ${fix}`, link.position?.start, "link-near-miss"));
}

/** Whether a link has words a reader sees or hears: its text or code, or a picture's alt text. */
function hasName(link: Link): boolean {
  let named = false;
  visit(link, (node) => {
    const words = node.type === "text" || node.type === "inlineCode" || node.type === "html" ? (node as { value: string }).value : node.type === "image" ? ((node as Image).alt ?? "") : "";
    if (words.trim() !== "") named = true;
  });
  return named;
}
