import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addSearchIndex } from "../../src/pipeline/search.js";
import { DamagedCacheError, memoOver, noMemo, type Memo } from "../../src/incremental/memo.js";
import { OutputSet } from "../../src/write/output.js";
import type { SearchPage } from "../../src/site/search-index.js";
import { countingMemo, isNameList, ListingStore } from "../helpers/memo-store.js";

/** A store that can say what it holds without reading it (as the pack does), and records every value it hands out. */
class WatchedStore extends ListingStore {
  readonly read: Uint8Array[] = [];
  override get(key: string): Uint8Array | undefined {
    const value = super.get(key);
    if (value !== undefined) this.read.push(value);
    return value;
  }
}

/** Counts Pagefind runs: a computed value that is not a list of names is one part indexed. */
const counting = (memo: Memo) => countingMemo(memo, (value) => !isNameList(value));

const page = (number: number, extra = ""): SearchPage => ({
  url: `/issues/${number}/`,
  number,
  html: `<!doctype html><html lang="en"><head><title>Issue ${number}</title></head><body><main data-pagefind-body><h1>Issue ${number}</h1><p>Fencing with device ${number * 7} and the plugin fence_${number}. ${extra}</p></main></body></html>`,
});

const SHARD = 2;
const pages = [1, 2, 3, 4, 5, 6].map((n) => page(n));

/** The search files of `list` as path → bytes, every deferred file read. */
async function indexOf(list: readonly SearchPage[], memo: Memo): Promise<{ output: OutputSet; files: () => Map<string, Buffer> }> {
  const output = new OutputSet();
  await addSearchIndex(output, list, "en", SHARD, memo);
  return { output, files: () => new Map(output.entries().map(([path, content]) => [path, Buffer.from(content)])) };
}

describe("stored search parts are added unread", () => {
  it("a warm run reads only the parts' names; their files are read when asked for, byte-identical to an uncached index", async () => {
    const plain = (await indexOf(pages, noMemo)).files();
    const store = new WatchedStore();
    const cold = counting(memoOver(store));
    expect((await indexOf(pages, cold.memo)).files()).toEqual(plain);
    expect(cold.count()).toBe(3);

    store.read.length = 0;
    const warm = counting(memoOver(store));
    const { output, files } = await indexOf(pages, warm.memo);
    expect(warm.count()).toBe(0);
    expect([...output.paths()]).toEqual([...plain.keys()].sort());
    expect(store.read.length).toBe(3);
    expect(store.read.every(isNameList)).toBe(true);
    expect(files()).toEqual(plain);
    expect(store.read.filter((bytes) => !isNameList(bytes))).toHaveLength(3);
  });

  it("one changed page: its part is indexed again, the others stay unread, and the result equals an uncached index", async () => {
    const store = new WatchedStore();
    await indexOf(pages, memoOver(store));
    const edited = pages.map((p) => (p.number === 6 ? page(6, "A closing word about quorum.") : p));
    store.read.length = 0;
    const warm = counting(memoOver(store));
    const { files } = await indexOf(edited, warm.memo);
    expect(warm.count()).toBe(1);
    expect(store.read.every(isNameList)).toBe(true);
    expect(files()).toEqual((await indexOf(edited, noMemo)).files());
  });

  it("a site's first translation: every part is indexed again with its pages' language filter, none reused without it", async () => {
    const store = new WatchedStore();
    await indexOf(pages, memoOver(store));
    // Same pages, same bytes: what changed is that the site now searches by language (searchesByLanguage).
    const byLanguage = pages.map((p): SearchPage => ({ ...p, lang: "en" }));
    const warm = counting(memoOver(store));
    const { files } = await indexOf(byLanguage, warm.memo);
    expect(warm.count()).toBe(3);
    const plain = (await indexOf(byLanguage, noMemo)).files();
    expect(files()).toEqual(plain);
    // Pagefind writes a filter file only for an index whose pages have a filter.
    expect([...plain.keys()].filter((path) => path.includes("/filter/"))).toHaveLength(3);
  });

  it("names that do not decode: the part goes the plain way (its stored files, read) and the names are mended", async () => {
    const store = new WatchedStore();
    const plain = (await indexOf(pages, memoOver(store))).files();
    const names = [...store.values].filter(([, value]) => isNameList(value));
    expect(names).toHaveLength(3);
    for (const [key] of names) store.values.set(key, Buffer.from("{not json"));
    const again = counting(memoOver(store));
    expect((await indexOf(pages, again.memo)).files()).toEqual(plain);
    expect(again.count()).toBe(0);
    expect([...store.values].filter(([, value]) => isNameList(value))).toHaveLength(3);
  });

  it("names that promise a file the stored part lacks: reading it is a damaged cache, never an empty file", async () => {
    const store = new WatchedStore();
    await indexOf(pages, memoOver(store));
    const [key, value] = [...store.values].find(([, bytes]) => isNameList(bytes)) as [string, Uint8Array];
    store.values.set(key, Buffer.from(JSON.stringify([...(JSON.parse(Buffer.from(value).toString("utf8")) as string[]), "index/missing.pf_index"])));
    const { files } = await indexOf(pages, memoOver(store));
    expect(files).toThrow(DamagedCacheError);
  });

  it("property: over runs that add, drop, edit and regroup pages, every run's files equal an uncached index's, and stored parts are read only when asked for", async () => {
    const text = fc.constantFrom("", "フェンシング & <quorum>", "STONITH \"fence_ipmilan\" 2011年7月号", "a".repeat(300), "Pacemaker 1.0.11");
    const site = fc.uniqueArray(fc.record({ number: fc.integer({ min: 1, max: 12 }), extra: text }), { selector: (p) => p.number, minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(site, { minLength: 2, maxLength: 3 }), fc.integer({ min: 2, max: 4 }), async (runs, shard) => {
        const store = new WatchedStore();
        for (const run of runs) {
          const list = run.map((p) => page(p.number, p.extra));
          store.read.length = 0;
          const output = new OutputSet();
          await addSearchIndex(output, list, "en", shard, memoOver(store));
          // Before the files are asked for, nothing but name lists was read.
          expect(store.read.every(isNameList)).toBe(true);
          const plain = new OutputSet();
          await addSearchIndex(plain, list, "en", shard, noMemo);
          expect(new Map(output.entries().map(([path, content]) => [path, Buffer.from(content)]))).toEqual(new Map(plain.entries().map(([path, content]) => [path, Buffer.from(content)])));
        }
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
