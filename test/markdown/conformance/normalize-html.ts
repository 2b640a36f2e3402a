import { parseFragment, type DefaultTreeAdapterTypes as T } from "parse5";

/**
 * Canonical HTML for comparing a renderer with the spec, after the rules of
 * the CommonMark test suite's normalize.py: both sides go through an HTML
 * parser (so `&lt;` and `&#x3C;`, `disabled` and `disabled=""`, attribute
 * order do not matter), whitespace next to block-level tags is dropped and
 * other whitespace outside <pre> collapses to one space.
 */
export function normalizeHtml(html: string, adjust: (fragment: T.DocumentFragment) => void = () => {}): string {
  // A final newline is not content, but after an unclosed tag (`<a href="x">\n`) the parser would reopen the tag for it.
  const fragment = parseFragment(html.trim());
  adjust(fragment);
  return serializeChildren(fragment, false);
}

const BLOCK = new Set([
  "article", "aside", "blockquote", "body", "button", "canvas", "caption", "col", "colgroup", "dd", "details", "div", "dl", "dt",
  "embed", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
  "iframe", "li", "map", "object", "ol", "output", "p", "pre", "progress", "script", "section", "style", "summary", "table",
  "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul", "video",
]);
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

type Parent = T.DocumentFragment | T.Element | T.Template;

function isBlock(node: T.ChildNode | undefined): boolean {
  return node !== undefined && "tagName" in node && BLOCK.has(node.tagName);
}

function serializeChildren(parent: Parent, inPre: boolean): string {
  const children = "content" in parent && parent.nodeName === "template" ? parent.content.childNodes : parent.childNodes;
  const parentIsBlock = !("tagName" in parent) || BLOCK.has(parent.tagName);
  let out = "";
  children.forEach((node, i) => {
    if (node.nodeName === "#text") {
      let text = (node as T.TextNode).value;
      if (!inPre) {
        text = text.replace(/\s+/g, " ");
        if (i === 0 ? parentIsBlock : isBlock(children[i - 1])) text = text.replace(/^ /, "");
        if (i === children.length - 1 ? parentIsBlock : isBlock(children[i + 1])) text = text.replace(/ $/, "");
      }
      out += escape(text);
    } else if (node.nodeName === "#comment") {
      out += `<!--${(node as T.CommentNode).data}-->`;
    } else if ("tagName" in node) {
      out += serializeElement(node, inPre);
    }
  });
  return out;
}

function serializeElement(node: T.Element, inPre: boolean): string {
  const attrs = [...node.attrs]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((a) => ` ${a.name}="${escape(a.value).replace(/"/g, "&quot;")}"`)
    .join("");
  if (VOID.has(node.tagName)) return `<${node.tagName}${attrs}>`;
  return `<${node.tagName}${attrs}>${serializeChildren(node, inPre || node.tagName === "pre")}</${node.tagName}>`;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
