import type { Link, Root } from "mdast";
import type { VFile } from "vfile";
import { SKIP, visit } from "unist-util-visit";
import { diagnostic } from "../../diagnostics.js";
import { offsetIn, placeAt, readerText, TEXT_CONTAINERS } from "../reader-text.js";

/**
 * `詳細はhttps://clusterlabs.org/を参照。`: an address written out (a GFM
 * autolink literal) runs until white space, and Japanese puts none after
 * it, so the link took the rest of the sentence: readers saw it underlined
 * and were sent to `…/を参照。`, a page that is not there. A written-out
 * address holding Japanese punctuation or kana is that case (an address
 * rarely holds them; one that does is written in angle brackets).
 */
export function remarkAddressRunOn() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    visit(tree, (paragraph) => {
      if (!TEXT_CONTAINERS.has(paragraph.type)) return;
      let after = 0;
      visit(paragraph, "link", (link: Link) => {
        const text = readerText(link);
        if (!isLiteral(link, text)) return SKIP;
        const cut = text.search(JAPANESE_TEXT);
        if (cut <= 0) return SKIP;
        const at = offsetIn(source, paragraph.position, text, after);
        const before = at === undefined ? "" : source.slice(Math.max(0, (paragraph.position?.start.offset ?? 0) + at - 20), (paragraph.position?.start.offset ?? 0) + at);
        // Written as [text](url) or <url> (the link starts at its bracket): not a literal, whatever it holds.
        // A literal after a lone "[" ("[www.example.com日本語") has no position and is one. After "] (" or
        // "]（", the link's parentheses are the mistake, reported as such (remark-near-miss-links). Right
        // after an ASCII "](", the bracket link failed (its parentheses do not close) and nothing else
        // reports the run-on.
        const start = link.position?.start.offset;
        const bracketed = start !== undefined && (source.charAt(start) === "[" || source.charAt(start) === "<");
        if (at === undefined || bracketed || /(?:\][ \t]+\(|\][ \t]*（)$/.test(before)) return SKIP;
        after = at + text.length;
        // <…> needs the scheme GFM supplies for www. (link.url holds the run-on text unencoded).
        const address = link.url.slice(0, link.url.length - (text.length - cut));
        const reason = `"${text}" became one link: a written-out address runs until a space, so it took the text after it; put a space after the address, or write <${address}>${text.slice(cut)} (an address that holds Japanese goes in <…> whole)`;
        file.messages.push(diagnostic(where, reason, placeAt(source, paragraph.position, at), "link-run-on"));
        return SKIP;
      });
    });
  };
}

/** A link GFM made from an address written out: its text is its address (less the http:// or mailto: it adds). */
export function isLiteral(link: Link, text: string): boolean {
  return link.url === text || link.url === `http://${text}` || link.url === `mailto:${text}`;
}

/** Japanese punctuation, full-width forms and kana: text, not an address. */
const JAPANESE_TEXT = /[\u3000-\u303f\u3040-\u30ff\uff01-\uff65]/u;
