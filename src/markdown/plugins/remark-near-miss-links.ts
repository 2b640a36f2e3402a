import type { Root } from "mdast";
import type { VFile } from "vfile";
import { SKIP, visit } from "unist-util-visit";
import { diagnostic } from "../../diagnostics.js";
import type { Node } from "unist";
import { offsetIn, placeAt, readerText, TEXT_CONTAINERS } from "../reader-text.js";

/**
 * `![a pic](/images/my pic.png)`: a link or image whose address has a space
 * is not a link in CommonMark, and the page would show the brackets and the
 * address as text. Each one that reaches the text, with an address that
 * looks like a path or URL, is an error saying how to write the space.
 * So is one whose parentheses are apart from its brackets (`[前号] (/x/)`) or
 * typed full-width by a Japanese input method (`[前号]（/x/）`).
 */
export function remarkNearMissLinks() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    visit(tree, (node) => {
      if (node.type === "code" || node.type === "inlineCode") return SKIP;
      if (!TEXT_CONTAINERS.has(node.type)) return undefined;
      let after = 0;
      for (const match of readerText(node).matchAll(SPACED_ADDRESS)) {
        const [written = "", bang = "", address = ""] = match;
        const at = offsetIn(source, node.position, written, after);
        const place = at === undefined ? undefined : placeAt(source, node.position, at);
        if (at === undefined || place === undefined) continue;
        after = at + written.length;
        const what = bang === "!" ? "an image" : "a link";
        const encoded = address.trim().replace(/\s/g, "%20");
        file.messages.push(diagnostic(where, `"${written}" is printed as text, not as ${what}: its address has a space; write the space as %20 (${encoded}) or put the address in angle brackets (<${address.trim()}>)`, place, "link-near-miss"));
      }
      reportBrokenParentheses(node, source, where, file);
      return undefined;
    });
  };
}

/** [text](address with a space): the address starts like a path or URL (a slash, a dot, a scheme) and has no quoted title after it. */
const SPACED_ADDRESS = /(!?)\[[^\]\n]{0,200}\]\(((?:[./]|[a-z][a-z0-9+.-]*:)[^()\s"']*\s[^()"'\n]{0,200}?)\)/gi;

/** [text] (address) or [text]（address）: brackets and an address that CommonMark does not join into a link. */
const BROKEN_PARENTHESES = /(!?)\[([^\]\n]{1,200})\]([ \t]*)([(（])((?:[./#]|[a-z][a-z0-9+.-]*:)[^()（）\s]{0,200})([)）])/gi;

function reportBrokenParentheses(node: Node, source: string, where: string, file: VFile): void {
  let after = 0;
  for (const match of readerText(node).matchAll(BROKEN_PARENTHESES)) {
    const [written = "", bang = "", text = "", gap = "", open = "", address = "", close = ""] = match;
    // Joined and ASCII: a link after all (one written with an escape or in code is not text here).
    if (gap === "" && open === "(" && close === ")") continue;
    const at = offsetIn(source, node.position, written, after);
    const place = at === undefined ? undefined : placeAt(source, node.position, at);
    if (at === undefined || place === undefined) continue;
    after = at + written.length;
    const fix = open === "（" || close === "）" ? "type the parentheses as ASCII ( )" : "remove the space between ] and (";
    const what = bang === "!" ? "an image" : "a link";
    file.messages.push(diagnostic(where, `"${written}" is printed as text, not as ${what}: ${fix}, "${bang}[${text}](${address})"`, place, "link-near-miss"));
  }
}
