import { describe, expect, it } from "vitest";
import { bodyOutcome as outcome, renderBody as render } from "../helpers/body-outcome.js";

const FACTS = 'component="pacemaker" status="released" version="1.0.11"';

/**
 * In a block's braces `.x` is a class, so an id written with the version's
 * dots, `#pacemaker-1.0.11`, was reported as `unknown :::release attribute
 * "class"` at its first dot: an attribute the author never typed.
 */
describe("a dot in a block's braces", () => {
  it("inside a #id: says the id cannot hold dots, at the #, with the id to write", () => {
    expect(outcome(`:::release{#pacemaker-1.0.11 ${FACTS}}\nx\n:::`)).toEqual([
      '6:12 the id "#pacemaker-1.0.11" holds a dot, and in braces a dot starts a class name (".0"), which a block does not take; an id is letters, digits, - and _: write #pacemaker-1-0-11',
    ]);
  });

  it("on its own (.note): says a block takes no class, naming it", () => {
    expect(outcome(`:::stonith{.note device="X" plugin="ipmi"}\nx\n:::`)).toEqual([
      '6:12 ".note" gives the block a class name, which a block does not take (its look comes from templates/partials/block-stonith.liquid); remove ".note"',
    ]);
    expect(outcome(`:::qa{components="hawk" .a.b}\nq\n\n---\n\na\n:::`)).toEqual([
      '6:25 ".a.b" gives the block a class name, which a block does not take (its look comes from templates/partials/block-qa.liquid); remove ".a.b"',
    ]);
  });

  it("class written as a name is still an unknown attribute, and an id with hyphens works", () => {
    expect(outcome(`:::release{${FACTS} class="x"}\nx\n:::`)).toEqual([
      '6:69 unknown :::release attribute "class"; expected one of "component", "version", "status", "title", "date", "id"',
    ]);
    const result = render({ file: "content/issues/x.md", body: `:::release{#pacemaker-1-0-11 ${FACTS}}\nx\n:::`, bodyLine: 6 });
    expect(result.ok && result.body.blocks.map((b) => b.id)).toEqual(["pacemaker-1-0-11"]);
  });
});
