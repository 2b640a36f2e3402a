import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cachedOutputOf, changedPaths, copySite, edit, outputOf, type Output } from "../helpers/site-copy.js";
import type { TempDir } from "../helpers/temp-site.js";

const sites: TempDir[] = [];
afterEach(() => sites.splice(0).forEach((dir) => dir.remove()));

/** The sample site with one issue per search index part. */
async function setup(): Promise<{ root: string; cacheDir: string }> {
  const dir = await copySite();
  sites.push(dir);
  await edit(join(dir.path, "gekkan.config.json"), (t) => t.replace(/^\{/, '{\n  "searchShardSize": 1,'));
  return { root: dir.path, cacheDir: join(dir.path, ".gekkan", "cache") };
}

const searchFiles = (output: Output): Output => new Map([...output].filter(([path]) => path.startsWith("pagefind/")));

describe("search index parts and their memo", () => {
  it("an issue edit re-indexes its own part only; the result equals an uncached build", async () => {
    const { root, cacheDir } = await setup();
    const before = await cachedOutputOf(root, cacheDir, { threads: 1, search: true });
    expect([...before.output.keys()].some((p) => p.startsWith("pagefind/part-2/"))).toBe(true);
    expect(before.computed.search).toBe(2);

    await edit(join(root, "content", "issues", "2011", "2011-05.md"), (t) => `${t}\nA closing word about fencing.\n`);
    const after = await cachedOutputOf(root, cacheDir, { threads: 1, search: true });
    expect(after.computed.search).toBe(1);
    const changed = changedPaths(searchFiles(before.output), searchFiles(after.output));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((p) => p.startsWith("pagefind/part-2/"))).toBe(true);
    expect(changedPaths(searchFiles(after.output), searchFiles(await outputOf(root, { threads: 1, search: true })))).toEqual([]);
  });

  it("a damaged search cache is indexed again, never served", async () => {
    const { root, cacheDir } = await setup();
    const reference = searchFiles(await outputOf(root, { threads: 1, search: true }));
    await cachedOutputOf(root, cacheDir, { threads: 1, search: true });
    const pack = join(cacheDir, "search.pack");
    const bytes = await readFile(pack);
    await writeFile(pack, bytes.subarray(0, bytes.length - 5));
    const again = await cachedOutputOf(root, cacheDir, { threads: 1, search: true });
    expect(again.computed.search).toBeGreaterThan(0);
    expect(changedPaths(reference, searchFiles(again.output))).toEqual([]);
    expect((await cachedOutputOf(root, cacheDir, { threads: 1, search: true })).computed.search).toBe(0);
  });
});
