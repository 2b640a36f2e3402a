import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { searchParts, type SearchPage } from "../../src/site/search-index.js";

const page = (number: number): SearchPage => ({ url: `/issues/${number}/`, html: "", number });
const members = (numbers: readonly number[], size: number) =>
  new Map(searchParts(numbers.map(page), size).map((part) => [part.dir, part.pages.map((p) => p.number).sort((a, b) => a - b).join(",")]));

describe("search index parts", () => {
  const numbers = fc.uniqueArray(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 300 });
  const size = fc.integer({ min: 1, max: 600 });

  it("every issue is in exactly one part, a part never spans two blocks, and the block being filled is cut in tenths", () => {
    fc.assert(
      fc.property(numbers, size, (list, shard) => {
        const parts = searchParts(list.map(page), shard);
        expect(parts.flatMap((p) => p.pages.map((x) => x.number)).sort((a, b) => a - b)).toEqual([...list].sort((a, b) => a - b));
        const highest = Math.max(...list);
        for (const part of parts) {
          const blocks = new Set(part.pages.map((p) => Math.floor((p.number - 1) / shard)));
          expect(blocks.size).toBe(1);
          const [block] = [...blocks] as [number];
          if (highest < (block + 1) * shard) {
            const span = Math.max(...part.pages.map((p) => p.number)) - Math.min(...part.pages.map((p) => p.number)) + 1;
            expect(span).toBeLessThanOrEqual(Math.max(1, Math.floor(shard / 10)));
          }
        }
        expect(parts.filter((p) => p.dir === "")).toHaveLength(1);
      }),
    );
  });

  it("the next issue changes one small part only (a tenth of a block at most), unless it completes a block", () => {
    fc.assert(
      fc.property(numbers, size, (list, shard) => {
        const next = Math.max(...list) + 1;
        const before = members(list, shard);
        const after = members([...list, next], shard);
        const changed = [...new Set([...before.keys(), ...after.keys()])].filter((dir) => before.get(dir) !== after.get(dir));
        if (next % shard === 0) return;
        // The primary bundle sits in pagefind/ itself: a part that becomes the lowest moves there.
        expect(changed.length).toBeLessThanOrEqual(1);
        for (const dir of changed) expect((after.get(dir) ?? "").split(",").length).toBeLessThanOrEqual(Math.max(1, Math.floor(shard / 10)));
      }),
    );
  });
});
