import type { FootnoteDefinition, FootnoteReference, Root } from "mdast";
import type { Node } from "unist";
import type { VFile } from "vfile";
import { diagnostic } from "../../diagnostics.js";
import { placedMatches, visitTextContainers } from "../reader-text.js";

/**
 * GFM footnotes fail quietly both ways: a `[^note]` with no `[^note]: …`
 * line is not a footnote, so readers see the brackets and caret as text;
 * and a `[^note]: …` that nothing refers to is dropped from the page, so the
 * author's note vanishes. Each is a located error saying which half is
 * missing. Code is left alone (`[^1]` in backticks is shown on purpose).
 */
export function remarkFootnoteMistakes() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    const referenced = new Set<string>();
    const definitions: FootnoteDefinition[] = [];
    const collect = (node: Node) => {
      if (node.type === "footnoteReference") referenced.add((node as FootnoteReference).identifier);
      if (node.type === "footnoteDefinition") definitions.push(node as FootnoteDefinition);
    };
    visitTextContainers(tree, (node) => {
      for (const { match: [written], at, place } of placedMatches(node, source, UNRESOLVED_CALL)) {
        // An escaped \[^x] is shown on purpose.
        if (source[(node.position?.start.offset ?? 0) + at - 1] === "\\") continue;
        file.messages.push(diagnostic(where, `"${written}" is printed as text, not as a footnote: no line "${written}: …" defines it in this issue; add one (the end of the issue is a good place), or correct the label to one that is defined`, place, "footnote-mistake"));
      }
    }, collect);
    for (const definition of definitions) {
      if (referenced.has(definition.identifier)) continue;
      const label = `[^${definition.label ?? definition.identifier}]`;
      file.messages.push(diagnostic(where, `footnote ${label} is never referred to, so readers would not see it: write ${label} in the text where the note belongs, or delete the footnote`, definition.position?.start, "footnote-mistake"));
    }
  };
}

/** `[^label]` as GFM writes a footnote call: a caret, then a label without white space. */
const UNRESOLVED_CALL = /\[\^[^\]\s]{1,200}\]/g;
