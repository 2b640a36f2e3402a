/** Small helpers over a real HTML5 parse (parse5, the parser behind hast-util-raw). */
import { parse, type DefaultTreeAdapterMap } from "parse5";

export type Document = DefaultTreeAdapterMap["document"];
export type Element = DefaultTreeAdapterMap["element"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];
type ChildNode = DefaultTreeAdapterMap["childNode"];

export function parseHtml(html: string): Document {
  return parse(html);
}

function isElement(node: ChildNode): node is Element {
  return "tagName" in node;
}

function childrenOf(node: ParentNode): ChildNode[] {
  // <template> keeps its children in a separate fragment.
  if ("content" in node && node.content) return [...node.content.childNodes];
  return node.childNodes;
}

/** Every element in document order (including inside <template>). */
export function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode): void => {
    for (const child of childrenOf(node)) {
      if (isElement(child)) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function byTag(root: ParentNode, tag: string): Element[] {
  return allElements(root).filter((el) => el.tagName === tag);
}

/** First element matching the predicate, or undefined. */
export function find(root: ParentNode, pred: (el: Element) => boolean): Element | undefined {
  return allElements(root).find(pred);
}

export function textContent(node: ParentNode): string {
  let s = "";
  for (const child of childrenOf(node)) {
    if ("value" in child && child.nodeName === "#text") s += child.value;
    else if (isElement(child)) s += textContent(child);
  }
  return s;
}

export function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** <meta property|name=key content=…> value. */
export function meta(doc: Document, key: string): string | undefined {
  const el = find(doc, (e) => e.tagName === "meta" && (attr(e, "property") === key || attr(e, "name") === key));
  return el ? attr(el, "content") : undefined;
}

/** <link rel~=rel> elements (rel compared as a token list). */
export function links(doc: Document, rel: string): Element[] {
  return byTag(doc, "link").filter((e) => (attr(e, "rel") ?? "").toLowerCase().split(/\s+/).includes(rel));
}

/** Attributes that hold a URL, per element, for absolute-URL and javascript: checks. */
export const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  img: ["src", "srcset"],
  source: ["src", "srcset"],
  script: ["src"],
  iframe: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  embed: ["src"],
  object: ["data"],
  form: ["action"],
  button: ["formaction"],
  input: ["src", "formaction"],
  blockquote: ["cite"],
  q: ["cite"],
  ins: ["cite"],
  del: ["cite"],
  base: ["href"],
};

/** Every (element, attribute, value) that holds a URL. */
export function urlAttributes(root: ParentNode): Array<{ el: Element; name: string; value: string }> {
  const out: Array<{ el: Element; name: string; value: string }> = [];
  for (const el of allElements(root)) {
    const names = [...(URL_ATTRIBUTES[el.tagName] ?? []), "xlink:href"];
    for (const a of el.attrs) {
      const name = a.prefix ? `${a.prefix}:${a.name}` : a.name;
      if (names.includes(name) || (el.tagName !== "a" && name === "href")) out.push({ el, name, value: a.value });
    }
  }
  return out;
}

/** Short description of an element for failure messages. */
export function describeElement(el: Element): string {
  return `<${el.tagName}${el.attrs.map((a) => ` ${a.name}="${a.value}"`).join("")}>`;
}
