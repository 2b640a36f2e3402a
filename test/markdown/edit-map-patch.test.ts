import fc from "fast-check";
import type { EditMap as EditMapClass } from "micromark-util-edit-map";
import type { Event } from "micromark-util-types";
import { describe, expect, it } from "vitest";
import { loadPackageFile, packageFile } from "../helpers/patched-packages.js";
import { countedArray } from "../helpers/touch-count.js";

/**
 * patches/micromark-util-edit-map+1.0.0.patch keeps the events before the first edit in
 * place when an EditMap applies its edits, instead of copying them out and back. The
 * oracle is the package as published, installed beside it unpatched; both builds
 * (`index.js`, `dev/index.js`) are compared with their twins.
 */
type EditMapModule = { EditMap: typeof EditMapClass };

/** Events are only moved, never read: numbers stand in for them. */
const item = (n: number) => n as unknown as Event;

interface Edit {
  at: number;
  remove: number;
  add: number[];
  before: boolean;
}

const editsOn = fc.integer({ min: 0, max: 40 }).chain((length) =>
  fc.record({
    length: fc.constant(length),
    edits: fc.array(fc.record({ at: fc.integer({ min: 0, max: length }), remove: fc.integer({ min: 0, max: 4 }), add: fc.array(fc.integer({ min: 1000, max: 1100 }), { maxLength: 4 }), before: fc.boolean() }), { maxLength: 8 }),
  }),
);

function applied(module: EditMapModule, length: number, edits: Edit[]): unknown[] {
  const events = Array.from({ length }, (_, i) => item(i));
  const map = new module.EditMap();
  for (const edit of edits) {
    const add = edit.add.map(item); // a fresh array for each side: the map keeps and extends the one it is given
    if (edit.before) map.addBefore(edit.at, edit.remove, add);
    else map.add(edit.at, edit.remove, add);
  }
  map.consume(events);
  return events;
}

describe.each(["index.js", "dev/index.js"])("micromark-util-edit-map (%s), patched for edits near the end", (entry) => {
  it("is applied: the installed file is not the published one", () => {
    expect(packageFile("micromark-util-edit-map", entry)).not.toBe(packageFile("micromark-util-edit-map-unpatched", entry));
  });

  it("gives the published EditMap's result for any set of edits, same places and overlaps included", async () => {
    const [patched, upstream] = [await loadPackageFile<EditMapModule>("micromark-util-edit-map", entry), await loadPackageFile<EditMapModule>("micromark-util-edit-map-unpatched", entry)];
    fc.assert(
      fc.property(editsOn, ({ length, edits }) => {
        expect(applied(patched, length, edits)).toEqual(applied(upstream, length, edits));
      }),
      { numRuns: 5000 },
    );
  });

  it("one edit near the end of a long list touches the events from the edit on, not the ones before it", async () => {
    const patched = await loadPackageFile<EditMapModule>("micromark-util-edit-map", entry);
    // What a setext heading's resolver does: one small edit near the end of everything read so far. The published map copied all 48,000 events out and back.
    const { array, touches } = countedArray(Array.from({ length: 48_000 }, (_, i) => item(i)));
    const map = new patched.EditMap();
    map.add(array.length - 2, 1, [item(-1)]);
    map.consume(array);
    expect([...array.slice(-3)]).toEqual([item(47_997), item(-1), item(47_999)]);
    expect(touches()).toBeLessThan(100);
  });
});
