import type { Place } from "../../diagnostics.js";
import type { WrittenAttribute } from "./attribute-list.js";

type Placed = WrittenAttribute & { place: Place };

/**
 * `.x` in a block's braces is a class name, which no block takes; left to
 * the schema it is reported as an unknown attribute "class", a word the
 * author never typed. Most often the dots belong to an id written like a
 * version (`#pacemaker-1.0.11`: the id "pacemaker-1", then classes "0" and
 * "11"), so a `.x` right after a `#id` is told as that id, at its `#`, with
 * the id to write; a `.x` of its own is named and told to go.
 */
export function classShorthandProblems(kind: string, attributes: readonly Placed[]): Array<{ reason: string; place: Place }> {
  const problems: Array<{ reason: string; place: Place }> = [];
  for (let first = 0; first < attributes.length; first++) {
    const head = attributes[first] as Placed;
    if (head.shorthand === undefined) continue;
    // `#a.b.c` or `.a.b`: pieces written with nothing between them are read together.
    let last = first;
    while (attributes[last + 1]?.shorthand === "." && attributes[last + 1]?.index === endOf(attributes[last])) last++;
    const run = attributes.slice(first, last + 1);
    first = last;
    const dot = run.find((piece) => piece.shorthand === ".");
    if (dot === undefined) continue;
    const text = run.map((piece) => `${piece.shorthand ?? ""}${piece.value}`).join("");
    if (head.shorthand === "#") {
      const id = run.map((piece) => piece.value).join("-");
      problems.push({ reason: `the id "${text}" holds a dot, and in braces a dot starts a class name (".${dot.value}"), which a block does not take; an id is letters, digits, - and _: write #${id}`, place: head.place });
    } else {
      problems.push({ reason: `"${text}" gives the block a class name, which a block does not take (its look comes from templates/partials/block-${kind}.liquid); remove "${text}"`, place: head.place });
    }
  }
  return problems;
}

/** Where a `#x` or `.x` ends in the text read; -1 for a name or none. */
function endOf(attribute: WrittenAttribute | undefined): number {
  return attribute?.shorthand === undefined ? -1 : attribute.index + 1 + attribute.value.length;
}
