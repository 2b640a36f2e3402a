import type { Link, Root, Text } from "mdast";
import type { VFile } from "vfile";
import { SKIP, visit } from "unist-util-visit";
import { diagnostic } from "../../diagnostics.js";
import { placeCursor, type Position } from "../reader-text.js";
import { isLiteral } from "./remark-address-run-on.js";

/**
 * `&nbsp` or `&copy 2011` with no `;`: browsers read some HTML entities
 * without it, but Markdown reads an entity only with its `;`, so the page
 * shows the letters as typed. Only the names an author would reach for are
 * checked, and only where no ASCII letter, digit or `;` follows: `AT&T` and
 * `&amplifier` stay text, as does `\&nbsp` (escaped: shown on purpose) and
 * anything in code. Each text node is searched as written in the source,
 * where code and escapes are where the author put them.
 */
export function remarkUnterminatedEntities() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    visit(tree, (node, _index, parent) => {
      if (node.type === "code" || node.type === "inlineCode" || node.type === "html") return SKIP;
      if (node.type !== "text") return undefined;
      // A written-out address (https://…/?a=1&copy=2): its & are the address's own.
      if (parent?.type === "link" && isLiteral(parent as Link, (node as Text).value)) return undefined;
      const position = (node as Text).position;
      const from = position?.start.offset;
      if (from === undefined || !(node as Text).value.includes("&")) return undefined;
      const placeOf = placeCursor(source, position as Position);
      for (const match of source.slice(from, position?.end.offset).matchAll(UNTERMINATED)) {
        const at = match.index ?? 0;
        const place = placeOf(at);
        if (source[from + at - 1] === "\\" || place === undefined) continue;
        const [written = ""] = match;
        file.messages.push(diagnostic(where, `"${written}" is printed as typed: an HTML entity in Markdown ends with ";", write "${written};"`, place, "entity-near-miss"));
      }
      return undefined;
    });
  };
}

const NAMES = ["nbsp", "amp", "lt", "gt", "quot", "apos", "copy", "reg", "trade", "hellip", "mdash", "ndash", "laquo", "raquo", "lsquo", "rsquo", "ldquo", "rdquo", "yen", "times", "divide", "middot", "bull", "rarr", "larr", "uarr", "darr", "shy", "thinsp", "ensp", "emsp", "zwj", "zwnj", "deg", "plusmn", "sect", "para"];

// Japanese text runs on with no space (間を&nbspの): only an ASCII letter or digit after the name makes it another word.
const UNTERMINATED = new RegExp(`&(?:${NAMES.join("|")})(?![A-Za-z0-9;])`, "g");
