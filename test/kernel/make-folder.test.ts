import fc from "fast-check";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeFolder } from "../../src/make-folder.js";
import { tempDir } from "../helpers/temp-site.js";

/** What a call did: the folder it reports made, or the error code it threw. */
function outcome(make: () => string | undefined, root: string): string {
  try {
    const made = make();
    return made === undefined ? "none" : `made ${made.slice(root.length)}`;
  } catch (error) {
    return `error ${(error as NodeJS.ErrnoException).code}`;
  }
}

describe("makeFolder (mkdir -p one folder at a time)", () => {
  it("does what Node's recursive mkdir does, on any tree of folders and files in the way", () => {
    const work = tempDir("make folder ");
    try {
      const name = fc.constantFrom("a", "b", "月刊", "x y");
      // Folders and files already there, then a path to make: the oracle is Node's own recursive mkdir on a copy.
      const shape = fc.record({ there: fc.array(fc.tuple(fc.array(name, { minLength: 1, maxLength: 3 }), fc.boolean()), { maxLength: 4 }), target: fc.array(name, { minLength: 1, maxLength: 4 }) });
      let run = 0;
      fc.assert(
        fc.property(shape, ({ there, target }) => {
          run++;
          const sides = ["mine", "node"].map((side) => join(work.path, `${run}`, side));
          for (const side of sides) {
            mkdirSync(side, { recursive: true });
            for (const [parts, isFile] of there) {
              try {
                if (isFile) {
                  mkdirSync(join(side, ...parts.slice(0, -1)), { recursive: true });
                  writeFileSync(join(side, ...parts), "");
                } else mkdirSync(join(side, ...parts), { recursive: true });
              } catch {
                // A file in the way of what comes later: the same on both sides.
              }
            }
          }
          const [mine = "", node = ""] = sides;
          expect(outcome(() => makeFolder(join(mine, ...target)), mine)).toBe(outcome(() => mkdirSync(join(node, ...target), { recursive: true }), node));
        }),
        { numRuns: 300 },
      );
    } finally {
      rmSync(work.path, { recursive: true, force: true });
    }
  });
});
