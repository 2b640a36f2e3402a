/**
 * Pagefind index parts: the sample site built with one issue per part, so
 * issue 1 (in Japanese and English) is in the primary bundle (pagefind/)
 * and issue 2 in a merged one (pagefind/part-2/). Search in Chromium must
 * find them all, as one result list.
 */
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { buildSite } from "../../src/pipeline/build-site.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";
import { launchChromium } from "../helpers/browser.js";
import { pageHelpers } from "../helpers/site-page.js";
import { serveDir, type StaticServer } from "../helpers/static-server.js";
import { BASE, REPO_ROOT } from "../helpers/sample-build.js";

let tmp: TempDir;
let out: string;
let server: StaticServer;
let browser: Browser;
const { search } = pageHelpers(() => browser, () => server);

beforeAll(async () => {
  tmp = tempDir("search-parts-");
  const root = join(tmp.path, "site");
  await cp(join(REPO_ROOT, "content"), join(root, "content"), { recursive: true });
  await cp(join(REPO_ROOT, "public"), join(root, "public"), { recursive: true });
  const config = JSON.parse(await readFile(join(REPO_ROOT, "gekkan.config.json"), "utf8")) as Record<string, unknown>;
  await writeFile(join(root, "gekkan.config.json"), JSON.stringify({ ...config, searchShardSize: 1 }));
  out = join(tmp.path, "out");
  await buildSite({ root, out, base: BASE, threads: 0, cacheDir: join(root, ".gekkan", "cache") });
  server = await serveDir(out, { basePath: BASE });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  tmp?.remove();
});

describe("search across index parts", () => {
  it("writes a primary bundle and an index-only part, which the search page merges", async () => {
    const part = (await readdir(join(out, "pagefind", "part-2"), { recursive: true })).map(String);
    expect(part).toContain("pagefind-entry.json");
    // No UI or WebAssembly in a merged part: Pagefind searches it with the primary's.
    expect(part.filter((p) => /\.js$|\.css$|wasm/.test(p))).toEqual([]);
    expect(await readFile(join(out, "search", "index.html"), "utf8")).toContain(`data-merge-paths="${BASE}pagefind/part-2/"`);
  });

  it('"riloe" finds issue 1 in both languages (primary part) and issue 2 (merged part) in one list', async () => {
    expect(await search("riloe", "search/", true)).toEqual([`${BASE}en/issues/2011-04/`, `${BASE}issues/2011-04/`, `${BASE}issues/2011-05/`]);
  });

  it("a word of one part only finds its issue", async () => {
    expect(await search("lanplus")).toEqual([`${BASE}issues/2011-05/`]);
    expect(await search("caught", "en/search/")).toEqual([`${BASE}en/issues/2011-04/`]);
    expect(await search("バックポート")).toEqual([`${BASE}issues/2011-04/`]);
  });
});
