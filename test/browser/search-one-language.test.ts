/**
 * A site in one language searches as before: the search page has no box
 * for other languages, Pagefind's index holds no language filter, and a
 * search lists every issue that has the word. (A language filter applied to
 * an index without one would list nothing.) The sample site without its
 * English translation and its `languages`; the expected pages are written
 * out from its content: STONITH is in the April and May issues.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { servedSampleCopy } from "../helpers/served-copy.js";

const site = servedSampleCopy("gekkan-search-one-language-", async (root) => {
  rmSync(join(root, "content/issues/2011/2011-04.en.md"));
  const configPath = join(root, "gekkan.config.json");
  const config = JSON.parse(readFileSync(configPath, "utf8")) as Record<string, unknown>;
  delete config.languages;
  writeFileSync(configPath, JSON.stringify(config, null, 2));
});

describe("a site in one language", () => {
  it("has no language box and no language filter, and lists every issue with the word", async () => {
    expect(existsSync(join(site.out, "en"))).toBe(false);
    expect(existsSync(join(site.out, "pagefind", "filter")), "Pagefind's filter folder").toBe(false);
    await site.withPage({ width: 1280, height: 900 }, async (page) => {
      await site.open(page, "search/");
      expect(await page.locator("#search-all-languages, .search-languages").count()).toBe(0);
      expect(await page.getByRole("checkbox").count()).toBe(0);
    });
    expect(await site.search("STONITH")).toEqual(["/issues/2011-04/", "/issues/2011-05/"]);
  });
});
