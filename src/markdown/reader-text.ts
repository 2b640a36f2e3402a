import type { Node } from "unist";
import { SKIP, visit } from "unist-util-visit";
import type { Place } from "../diagnostics.js";

/** Nodes whose text a reader sees run together: what the author meant may be split across their children (a link, emphasis). */
export const TEXT_CONTAINERS = new Set(["paragraph", "heading", "tableCell"]);

/** The text of a paragraph, heading or table cell as it reads, code left out. */
export function readerText(node: Node): string {
  let text = "";
  visit(node, (inner) => {
    if (inner.type === "code" || inner.type === "inlineCode") return SKIP;
    if (inner.type === "text") text += (inner as unknown as { value: string }).value;
    return undefined;
  });
  return text;
}

export type Position = { start: { line: number; column: number; offset?: number | undefined }; end: { offset?: number | undefined } } | undefined;

/** Where `found` is written in the node's source (its offset there, from `after` on), or undefined when it is not written so (escapes made it). */
export function offsetIn(source: string, position: Position, found: string, after: number): number | undefined {
  const from = position?.start.offset;
  const to = position?.end.offset;
  if (from === undefined || to === undefined) return undefined;
  const at = source.slice(from, to).indexOf(found, after);
  return at === -1 ? undefined : at;
}

export function placeAt(source: string, position: Position, at: number): Place | undefined {
  const from = position?.start.offset;
  if (position === undefined || from === undefined) return undefined;
  const before = source.slice(from, from + at);
  const breaks = before.split("\n").length - 1;
  return breaks === 0 ? { line: position.start.line, column: position.start.column + at } : { line: position.start.line + breaks, column: at - before.lastIndexOf("\n") };
}
