import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cachedOutputOf, changedPaths, copySite, edit, outputOf, type Output } from "../helpers/site-copy.js";
import { readTree, tempDir, type TempDir } from "../helpers/temp-site.js";
import { captureIo } from "../helpers/io.js";
import { main } from "../../src/cli.js";

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

  it("a damaged search cache is indexed again, never served: output gone, every stored part damaged, the build writes the clean site", async () => {
    const { root, cacheDir } = await setup();
    const work = tempDir();
    sites.push(work);
    const clean = join(work.path, "clean");
    const out = join(work.path, "dist");
    expect(await build(root, clean, "--no-cache")).toBe(0);
    expect(await build(root, out)).toBe(0);
    // Without the output, every part's files must come from the cache's bytes, not from links to the last build.
    rmSync(out, { recursive: true, force: true });
    rmSync(join(work.path, ".dist-gekkan"), { recursive: true, force: true });
    expect(damageParts(join(cacheDir, "search.pack"))).toBe(2);
    expect(await build(root, out)).toBe(0);
    expect(readTree(out)).toEqual(readTree(clean));
  });
});

async function build(root: string, out: string, ...flags: string[]): Promise<number> {
  const io = captureIo();
  const code = await main(["build", "--root", root, "--out", out, "--quiet", "--threads", "1", ...flags], io);
  expect(io.stderr).toEqual([]);
  return code;
}

/** Flips one byte in each stored part's files (a file set starts with its list of [path, size] pairs), keeping every header. */
function damageParts(pack: string): number {
  const bytes = readFileSync(pack);
  let count = 0;
  for (const match of bytes.toString("latin1").matchAll(/\[\["[^"]+",\d+\]/g)) {
    const at = match.index + 4;
    bytes[at] = (bytes[at] as number) ^ 0x01;
    count++;
  }
  writeFileSync(pack, bytes);
  return count;
}
