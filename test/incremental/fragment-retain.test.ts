import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Liquid } from "liquidjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readPack } from "../../src/incremental/pack.js";
import { buildSite } from "../../src/pipeline/build-site.js";
import { copySite, edit, NOW } from "../helpers/site-copy.js";
import type { TempDir } from "../helpers/temp-site.js";

/**
 * Partials' HTML (a reference page's rows) is read only when a page that
 * shows it is made again. A build that reuses every page reads none of it;
 * the cache must keep it anyway, or the next build that adds an issue
 * renders every row again. Under a new template fingerprint the old
 * fragments can never be read again and are let go.
 */
const sites: TempDir[] = [];
afterEach(() => sites.splice(0).forEach((dir) => dir.remove()));

async function fragmentKeys(cacheDir: string): Promise<Set<string>> {
  return new Set((await readPack(join(cacheDir, "fragments.pack"))).entries.keys());
}

describe("the fragments cache", () => {
  it("keeps what a build that reuses every page did not read, and lets it go when the templates change", async () => {
    const dir = await copySite();
    sites.push(dir);
    const root = dir.path;
    const cacheDir = join(root, ".gekkan", "cache");
    const build = () => buildSite({ root, out: join(root, "dist"), cacheDir, now: NOW, search: false, threads: 1 });
    await build();
    const made = await fragmentKeys(cacheDir);
    expect(made.size).toBeGreaterThan(10);

    // A public file changes the input, so the site is made again; every page is reused, no partial is read.
    await writeFile(join(root, "public", "extra.txt"), "x");
    const liquid = vi.spyOn(Liquid.prototype, "renderFileSync");
    expect((await build()).upToDate).toBe(false);
    expect(liquid).not.toHaveBeenCalled();
    liquid.mockRestore();
    const kept = await fragmentKeys(cacheDir);
    for (const key of made) expect(kept.has(key)).toBe(true);

    // A template change: a new fingerprint, so none of the old fragments can be used again. (The new ones
    // are bigger than all the old ones: dropping must not depend on how much the old ones weigh.)
    await edit(join(root, "templates", "partials", "issue-title.liquid"), (t) => `${t.trimEnd()}<!-- ${"changed ".repeat(40)}-->`);
    await build();
    const after = await fragmentKeys(cacheDir);
    expect(after.size).toBeGreaterThan(10);
    expect([...made].filter((key) => after.has(key))).toEqual([]);
  });
});
