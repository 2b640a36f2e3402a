import type { DefaultTreeAdapterTypes as T } from "parse5";

/**
 * Undoes what gekkan adds to every document on purpose, and nothing else:
 * heading ids with their wrapping self-link (`<h2 id="x"><a class="heading-link" href="#x">…</a></h2>`),
 * build-time highlighting (`class="hljs"` on <code>, `<span class="hljs-…">` inside), and `class="bare-url"`
 * on a link whose text is its address (so print does not write the address twice).
 */
export function undoDeliberate(fragment: T.DocumentFragment): void {
  walk(fragment);
}

function walk(parent: T.ParentNode): void {
  for (const node of [...parent.childNodes]) {
    if (!("tagName" in node)) continue;
    walk(node);
    if (/^h[1-6]$/.test(node.tagName)) {
      node.attrs = node.attrs.filter((a) => a.name !== "id");
      const only = node.childNodes.length === 1 ? node.childNodes[0] : undefined;
      if (only !== undefined && "tagName" in only && only.tagName === "a" && hasClass(only, "heading-link")) unwrap(only);
    } else if (node.tagName === "code") {
      removeClass(node, "hljs");
    } else if (node.tagName === "a") {
      removeClass(node, "bare-url");
    } else if (node.tagName === "span" && node.attrs.some((a) => a.name === "class" && /^hljs-/.test(a.value))) {
      unwrap(node);
    }
  }
  mergeText(parent);
}

function removeClass(node: T.Element, name: string): void {
  node.attrs = node.attrs.flatMap((a) => {
    if (a.name !== "class") return [a];
    const value = a.value.split(/\s+/).filter((c) => c !== name).join(" ");
    return value === "" ? [] : [{ ...a, value }];
  });
}

function hasClass(node: T.Element, name: string): boolean {
  return node.attrs.some((a) => a.name === "class" && a.value.split(/\s+/).includes(name));
}

function unwrap(node: T.Element): void {
  const parent = node.parentNode;
  if (parent === null) return;
  const index = parent.childNodes.indexOf(node);
  for (const child of node.childNodes) child.parentNode = parent;
  parent.childNodes.splice(index, 1, ...node.childNodes);
}

/** Unwrapped spans leave neighbouring text nodes; the serializer collapses whitespace per node. */
function mergeText(parent: T.ParentNode): void {
  const merged: T.ChildNode[] = [];
  for (const node of parent.childNodes) {
    const last = merged[merged.length - 1];
    if (node.nodeName === "#text" && last?.nodeName === "#text") (last as T.TextNode).value += (node as T.TextNode).value;
    else merged.push(node);
  }
  parent.childNodes = merged;
}
