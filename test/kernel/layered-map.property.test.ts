import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LayeredMap } from "../../src/layered-map.js";
import { OutputSet } from "../../src/write/output.js";

/** Key/value changes over a small key space, so layers both replace and add keys. */
const changes = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.string({ maxLength: 3 })), { maxLength: 12 });

describe("LayeredMap behaves like copying the map and setting the changes", () => {
  it("for any chain of layers (past the depth where it flattens), every version keeps its own contents and order", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.string({ maxLength: 3 })), { maxLength: 20 }), fc.array(changes, { maxLength: 40 }), (start, steps) => {
      // The oracle: a plain Map copied at every step.
      let plain = new Map(start);
      let layered = LayeredMap.of(new Map(start));
      const versions: Array<[Map<number, string>, LayeredMap<number, string>]> = [[plain, layered]];
      for (const step of steps) {
        plain = new Map([...plain, ...step]);
        layered = layered.with(step);
        versions.push([plain, layered]);
      }
      for (const [expected, actual] of versions) {
        expect([...actual]).toEqual([...expected]);
        expect(actual.size).toBe(expected.size);
        for (let key = -1; key <= 41; key++) {
          expect(actual.has(key)).toBe(expected.has(key));
          expect(actual.get(key)).toBe(expected.get(key));
        }
      }
    }), { numRuns: 300 });
  });
});

describe("OutputSet.withReplaced shares the unchanged files", () => {
  it("each version answers with its own content; the original stays as it was", () => {
    const output = new OutputSet();
    for (let i = 0; i < 50; i++) output.add(`p${i}/index.html`, `page ${i}`);
    let current = output;
    for (let round = 0; round < 40; round++) current = current.withReplaced([[`p${round % 50}/index.html`, `page ${round % 50} v${round}`, `id-${round}`]]);
    expect(output.text("p3/index.html")).toBe("page 3");
    expect(current.text("p3/index.html")).toBe("page 3 v3");
    expect(current.identity("p39/index.html")).toBe("id-39");
    expect(current.text("p45/index.html")).toBe("page 45");
    expect(current.paths()).toEqual(output.paths());
    expect(() => current.withReplaced([["missing.html", "x"]])).toThrow(/does not have/);
    expect(() => output.add("new.html", "x")).toThrow(/withReplaced/);
  });
});
