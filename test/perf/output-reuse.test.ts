import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { changedPaths, copySite, edit, NOW, outputOf } from "./site.js";

const sites: string[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

async function setup(): Promise<{ root: string; out: string; cacheDir: string }> {
  const root = await copySite();
  sites.push(root);
  return { root, out: join(root, "dist"), cacheDir: join(root, ".gekkan", "cache") };
}

describe("whole-output reuse and the write skip", () => {
  it("a public/ file change reaches the output through a warm cache", async () => {
    const { root, cacheDir } = await setup();
    await mkdir(join(root, "public"), { recursive: true });
    await writeFile(join(root, "public", "robots-extra.txt"), "one");
    const before = await outputOf(root, { threads: 1, cacheDir });
    await writeFile(join(root, "public", "robots-extra.txt"), "two");
    const after = await outputOf(root, { threads: 1, cacheDir });
    expect(changedPaths(before, after)).toEqual(["robots-extra.txt"]);
    expect(after.get("robots-extra.txt")?.toString()).toBe("two");
  });

  it("build options are part of the key (base path, date)", async () => {
    const { root, cacheDir } = await setup();
    const plain = await outputOf(root, { threads: 1, cacheDir });
    const based = await outputOf(root, { threads: 1, cacheDir, base: "/sub/" });
    expect(changedPaths(plain, based).length).toBeGreaterThan(5);
    expect(changedPaths(based, await outputOf(root, { threads: 1, base: "/sub/" }))).toEqual([]);
    const earlier = await outputOf(root, { threads: 1, cacheDir, now: new Date("2011-04-15T00:00:00Z") });
    expect(changedPaths(earlier, await outputOf(root, { threads: 1, now: new Date("2011-04-15T00:00:00Z") }))).toEqual([]);
    expect(changedPaths(plain, earlier).length).toBeGreaterThan(0);
  });

  it("an unchanged build leaves the output directory alone; a tampered or extended one is rewritten", async () => {
    const { root, out, cacheDir } = await setup();
    const options = { root, out, now: NOW, search: false, threads: 1, cacheDir };
    await build(options);
    const index = join(out, "index.html");
    const original = await readFile(index);
    const first = await stat(index);
    await build(options);
    // Same inode: the file was not rewritten (a swap makes new files).
    expect((await stat(index)).ino).toBe(first.ino);

    await writeFile(index, "tampered");
    await build(options);
    expect(await readFile(index)).toEqual(original);

    await writeFile(join(out, "stray.html"), "left over");
    await build(options);
    await expect(stat(join(out, "stray.html"))).rejects.toThrow(/ENOENT/);

    await rm(join(out, "index.html"));
    await build(options);
    expect(await readFile(index)).toEqual(original);
  });

  it("a damaged output snapshot is ignored, never served", async () => {
    const { root, cacheDir } = await setup();
    const reference = await outputOf(root, { threads: 1 });
    await outputOf(root, { threads: 1, cacheDir });
    const pack = join(cacheDir, "output.pack");
    const bytes = await readFile(pack);
    for (const damaged of [bytes.subarray(0, bytes.length - 7), Buffer.from(bytes).fill(0x41, bytes.length >> 1, (bytes.length >> 1) + 3)]) {
      await writeFile(pack, damaged);
      expect(changedPaths(reference, await outputOf(root, { threads: 1, cacheDir }))).toEqual([]);
    }
  });

  it("a changed input is written even when the output directory is current", async () => {
    const { root, out, cacheDir } = await setup();
    const options = { root, out, now: NOW, search: false, threads: 1, cacheDir };
    await build(options);
    await edit(join(root, "gekkan.config.json"), (t) => t.replace(/"title": "/, "\"title\": \"Renamed "));
    await build(options);
    expect(await readFile(join(out, "index.html"), "utf8")).toContain("Renamed ");
  });
});
