import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from "yaml";
import type { Place } from "../diagnostics.js";

/** The text of the scalar at `path` as written, e.g. "9007199254740993" for a number too large for a double. */
export function sourceOfPath(doc: Document.Parsed, path: readonly PropertyKey[]): string | undefined {
  const node = doc.getIn(path, true) as unknown;
  return isScalar(node) && typeof node.source === "string" ? node.source : undefined;
}

/**
 * Finds where a value (or its key) sits in a parsed YAML/JSON document, so a
 * schema issue at path ["tags", 2] points at that list item, not at line 1.
 */
export function placeOfPath(
  doc: Document.Parsed,
  lines: LineCounter,
  path: readonly PropertyKey[],
  lineOffset = 0,
  prefer: "key" | "value" = "value",
): Place | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (!item) break;
      keyNode = undefined;
      node = item;
    } else break;
  }
  const target = prefer === "key" && keyNode ? keyNode : node;
  const range = (target as Node | null | undefined)?.range ?? (keyNode as Node | undefined)?.range;
  if (!range) return undefined;
  const pos = lines.linePos(range[0]);
  return { line: pos.line + lineOffset, column: pos.col };
}
