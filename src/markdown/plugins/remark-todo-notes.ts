import type { Root } from "mdast";
import type { VFile } from "vfile";
import { SKIP, visit } from "unist-util-visit";
import { findTodoNotes } from "../todo-note.js";
import { offsetIn, placeCursor, readerText, TEXT_CONTAINERS, type Position } from "../reader-text.js";
import type { PlacedText } from "../rendered.js";

/** Where the notes land in `file.data` (rehype-collect puts them in the rendered body). */
export const TODO_NOTES = "gekkanTodoNotes";

/**
 * "TODO" or "FIXME" left in what readers see: the text (blocks' included),
 * link targets and titles, image descriptions. Code is left alone: a TODO
 * in a code sample is the sample's. Collected with where each was written;
 * the build warns about published issues only (a draft is where they belong).
 */
export function remarkTodoNotes() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const notes: PlacedText[] = [];
    const collect = (texts: ReadonlyArray<string | null | undefined>, position: Position) => {
      let after = 0;
      const placeOf = placeCursor(source, position);
      for (const text of texts) {
        for (const { note } of text ? findTodoNotes(text) : []) {
          const at = offsetIn(source, position, note, after);
          if (at === undefined) continue;
          after = at + note.length;
          const place = placeOf(at);
          if (place !== undefined) notes.push({ text: note, line: place.line, column: place.column });
        }
      }
    };
    visit(tree, (node) => {
      if (node.type === "code" || node.type === "inlineCode") return SKIP;
      if (TEXT_CONTAINERS.has(node.type)) collect([readerText(node)], node.position);
      if (node.type === "link" || node.type === "image" || node.type === "definition") collect([node.url, node.title], node.position);
      if (node.type === "image" || node.type === "imageReference") collect([node.alt], node.position);
      return undefined;
    });
    (file.data as Record<string, unknown>)[TODO_NOTES] = notes;
  };
}
