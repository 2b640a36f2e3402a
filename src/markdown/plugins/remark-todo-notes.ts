import type { Root } from "mdast";
import type { VFile } from "vfile";
import { TODO_NOTE } from "../todo-note.js";
import { placedMatches, placedMatchesIn, shownBesides, visitTextContainers, type PlacedMatch, type Position } from "../reader-text.js";
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
    const note = ({ match, place }: PlacedMatch) => notes.push({ text: match[0], line: place.line, column: place.column });
    visitTextContainers(tree, (node) => {
      for (const found of placedMatches(node, source, TODO_NOTE)) note(found);
    }, (node) => {
      for (const texts of shownBesides(node)) for (const found of placedMatchesIn(texts, (node as { position?: Position }).position, source, TODO_NOTE)) note(found);
    });
    (file.data as Record<string, unknown>)[TODO_NOTES] = notes;
  };
}
