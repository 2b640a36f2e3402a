import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generate } from "../../src/build.js";
import { changedPaths, copySite, edit, NOW } from "./site.js";

const sites: string[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

/** The sample site with one issue per search index part. */
async function setup(): Promise<{ root: string; cacheDir: string; packs: () => Promise<string[]> }> {
  const root = await copySite();
  sites.push(root);
  await edit(join(root, "gekkan.config.json"), (t) => t.replace(/^\{/, '{\n  "searchShardSize": 1,'));
  const cacheDir = join(root, ".gekkan", "cache");
  return { root, cacheDir, packs: async () => (await readdir(join(cacheDir, "search"))).sort() };
}

async function searchOutput(root: string, options: { cacheDir?: string } = {}): Promise<Map<string, Buffer>> {
  const { output } = await generate({ root, now: NOW, search: true, threads: 1, ...options });
  return new Map(output.entries().filter(([path]) => path.startsWith("pagefind/")).map(([path, content]) => [path, Buffer.from(content)]));
}

describe("search index parts and their cache", () => {
  it("an issue edit re-indexes its own part only; the result equals an uncached build", async () => {
    const { root, cacheDir, packs } = await setup();
    const before = await searchOutput(root, { cacheDir });
    expect([...before.keys()].some((p) => p.startsWith("pagefind/part-2/"))).toBe(true);
    const first = await packs();
    expect(first).toHaveLength(2);
    const stats = new Map(await Promise.all(first.map(async (name) => [name, (await stat(join(cacheDir, "search", name))).ino] as const)));

    await edit(join(root, "content", "issues", "2011", "2011-05.md"), (t) => `${t}\nA closing word about fencing.\n`);
    const after = await searchOutput(root, { cacheDir });
    const second = await packs();
    // One part kept as it was (same file), one replaced; nothing else left behind.
    expect(second).toHaveLength(2);
    const kept = second.filter((name) => stats.has(name));
    expect(kept).toHaveLength(1);
    expect((await stat(join(cacheDir, "search", kept[0] as string))).ino).toBe(stats.get(kept[0] as string));
    // Only the second part's index changed.
    const changed = changedPaths(before, after);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((p) => p.startsWith("pagefind/part-2/"))).toBe(true);
    expect(changedPaths(after, await searchOutput(root))).toEqual([]);
  });

  it("a damaged part in the cache is indexed again, never served", async () => {
    const { root, cacheDir, packs } = await setup();
    const reference = await searchOutput(root);
    await searchOutput(root, { cacheDir });
    const sizes = new Map<string, number>();
    for (const name of await packs()) {
      const path = join(cacheDir, "search", name);
      const bytes = await readFile(path);
      sizes.set(name, bytes.length);
      await writeFile(path, bytes.subarray(0, bytes.length - 5));
    }
    // Without the whole-output snapshot, so the build has to go through the parts.
    await rm(join(cacheDir, "output.pack"));
    expect(changedPaths(reference, await searchOutput(root, { cacheDir }))).toEqual([]);
    // Each part was indexed again and stored whole.
    for (const [name, size] of sizes) expect((await stat(join(cacheDir, "search", name))).size).toBe(size);
  });
});
