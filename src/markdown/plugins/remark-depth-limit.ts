import type { Root } from "mdast";
import type { Node, Parent } from "unist";
import type { VFile } from "vfile";
import { diagnostic } from "../../diagnostics.js";
import { DEFAULT_LIMITS, limitSetting } from "../../limits.js";

export interface DepthLimitOptions {
  /** Deepest nesting of raw HTML elements, and of emphasis and links inside one another. */
  limit?: number | undefined;
}

// Elements that never hold others, so they never nest.
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
const PHRASING = new Set(["emphasis", "strong", "delete", "link", "linkReference"]);

/**
 * Raw HTML (`<div>` 20,000 times) and emphasis nested inside emphasis build
 * a tree so deep that the HTML stages overflow the stack. Lists and quotes
 * were bounded before parsing (content/nesting.ts); what only the parsed
 * tree shows is bounded here, before any rehype stage recurses into it.
 */
export function remarkDepthLimit(options: DepthLimitOptions = {}) {
  const limit = options.limit ?? DEFAULT_LIMITS.nestingDepth;
  return (tree: Root, file: VFile) => {
    const open: string[] = [];
    // An explicit stack, not recursion: the tree being measured may be deep.
    const stack: Array<{ node: Node; phrasing: number }> = [{ node: tree, phrasing: 0 }];
    while (stack.length > 0) {
      const { node, phrasing } = stack.pop() as { node: Node; phrasing: number };
      const depth = phrasing + (PHRASING.has(node.type) ? 1 : 0);
      if (node.type === "html") htmlTags(String((node as { value?: unknown }).value ?? ""), open);
      const html = open.length;
      if (depth > limit || html > limit) {
        const what = depth > limit ? `emphasis and links are nested ${depth} deep here` : `HTML elements are nested ${html} deep here`;
        const place = node.position?.start ?? { line: 1, column: 1 };
        file.messages.push(diagnostic(String(file.path), `${what}; the limit is ${limit} (${limitSetting("nestingDepth")}); flatten the structure`, { line: place.line, column: place.column }, "nesting-too-deep"));
        // Nothing after this may walk the deep tree (the later stages recurse); the error stops the render anyway.
        tree.children = [];
        return;
      }
      const children = (node as Parent).children;
      if (children !== undefined) for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as Node, phrasing: depth });
    }
  };
}

/**
 * Follows open and close tags the way a browser nests them, closely enough
 * to bound the depth: a close tag pops back to its element when that is
 * open, and is ignored otherwise. Linear: one pass, no backtracking regex.
 */
function htmlTags(html: string, open: string[]): void {
  const counts = new Map<string, number>();
  for (const name of open) counts.set(name, (counts.get(name) ?? 0) + 1);
  let gt = -1;
  for (let i = html.indexOf("<"); i !== -1; i = html.indexOf("<", i + 1)) {
    const closing = html[i + 1] === "/";
    const name = /^[A-Za-z][A-Za-z0-9-]*/.exec(html.slice(i + (closing ? 2 : 1), i + 66))?.[0]?.toLowerCase();
    if (name === undefined) continue;
    const after = html[i + (closing ? 2 : 1) + name.length];
    if (after !== undefined && !/[\s/>]/.test(after)) continue;
    if (gt < i) gt = html.indexOf(">", i);
    if (gt === -1) return;
    if (closing) {
      if ((counts.get(name) ?? 0) === 0) continue;
      for (let popped = open.pop(); popped !== undefined; popped = open.pop()) {
        counts.set(popped, (counts.get(popped) ?? 1) - 1);
        if (popped === name) break;
      }
    } else if (!VOID.has(name) && html[gt - 1] !== "/") {
      open.push(name);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
}
