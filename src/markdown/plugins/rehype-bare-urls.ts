import type { Element, ElementContent, Root } from "hast";
import { visit } from "unist-util-visit";

/** The class a link gets when its text is its own address; the print style sheet reads it. */
export const BARE_URL_CLASS = "bare-url";

/**
 * Marks a link whose text is its own address (a pasted URL, `<https://…>`,
 * `www.…`, `<editors@example.org>`) with `bare-url`. Printed, the page writes each link's address
 * after it, since paper cannot be clicked; for these it would print the same
 * long address twice, one under the other.
 */
export function rehypeBareUrls() {
  return (tree: Root) => {
    visit(tree, "element", (node) => {
      if (node.tagName !== "a" || typeof node.properties.href !== "string") return;
      if (!sameAddress(textOf(node.children), node.properties.href)) return;
      const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
      node.properties.className = [...classes, BARE_URL_CLASS];
    });
  };
}

function textOf(children: readonly ElementContent[]): string {
  return children.map((child) => (child.type === "text" ? child.value : child.type === "element" ? textOf((child as Element).children) : "")).join("");
}

/**
 * The text is the address as written: `www.example.org` links to `http://www.example.org` (the text has no
 * scheme), `editors@example.org` to `mailto:editors@example.org`, and `https://ja.wikipedia.org/wiki/日本` to
 * its percent-encoded form.
 */
function sameAddress(text: string, href: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "") return false;
  return [href, decoded(href)].some((address) => address === trimmed || address.replace(/^(?:[a-z][a-z0-9+.-]*:\/\/|mailto:)/i, "") === trimmed);
}

function decoded(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    // A stray % that is no escape: the address as it is.
    return href;
  }
}
