/**
 * Search results in their own language. One Pagefind index holds the
 * Japanese issues and their English translations, so the Japanese search
 * page lists English results and the English one Japanese results; they
 * sat under the search page's lang, and a screen reader read an English
 * title and excerpt with Japanese pronunciation (WCAG 3.1.2, language of
 * parts). Searching "riloe" on both search pages must give each result the
 * language of the page it links to. The oracle is that page itself, opened
 * in Chromium: the language of its searchable part as the browser sees it.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { showAllLanguages } from "../helpers/site-page.js";

const site = servedSampleCopy("gekkan-search-lang-", async () => {});

/** The language Chromium gives an element: its nearest lang attribute. */
function languageOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => el.closest("[lang]")?.getAttribute("lang") ?? "");
}

/** Each result shown for `term` on the search page at `path`: the page it links to and the language the result is in. */
async function resultLanguages(page: Page, path: string, term: string): Promise<Map<string, string>> {
  await site.open(page, path);
  // Each edition lists its own language unless the reader asks for all: the other language's results are the point here.
  await showAllLanguages(page);
  await page.fill(".pagefind-ui__search-input", term);
  // Each result draws a placeholder (pagefind-ui__loading) until its data has loaded.
  await page.waitForFunction(() => document.querySelectorAll(".pagefind-ui__result").length > 0 && document.querySelector(".pagefind-ui__loading") === null);
  const shown = await page.$$eval(".pagefind-ui__result", (items) =>
    items.map((item) => [new URL(item.querySelector(".pagefind-ui__result-link")?.getAttribute("href") ?? "", location.href).pathname, item.querySelector(".pagefind-ui__result-title")?.closest("[lang]")?.getAttribute("lang") ?? ""] as const),
  );
  return new Map(shown);
}

describe("a search result is in the language of the page it links to", () => {
  it.each(["search/", "en/search/"])("on /%s", async (path) => {
    await site.withPage({ width: 1280, height: 900 }, async (page) => {
      const shown = await resultLanguages(page, path, "riloe");
      // riloe is in the April issue, its English translation and the May issue.
      expect([...shown.keys()].sort()).toEqual(["/en/issues/2011-04/", "/issues/2011-04/", "/issues/2011-05/"]);
      const expected = new Map<string, string>();
      for (const target of shown.keys()) {
        await site.open(page, target.slice(1));
        expected.set(target, await languageOf(page, "[data-pagefind-body]"));
      }
      // Both languages are among the results: on either search page one of them differs from the page's own.
      expect(new Set(expected.values())).toEqual(new Set(["ja", "en"]));
      expect(shown).toEqual(expected);
    });
  });
});

describe("a search result's language is not printed under it", () => {
  // Pagefind prints each meta field under a result as a tag; "Lang: ja" was code, in English, on every result of both editions.
  it.each(["search/", "en/search/"])("on /%s no result has a tag of its language", async (path) => {
    await site.withPage({ width: 375, height: 900 }, async (page) => {
      const shown = await resultLanguages(page, path, "riloe");
      expect(shown.size).toBe(3);
      const tags = await page.$$eval(".pagefind-ui__result", (items) => items.map((item) => item.querySelector(".pagefind-ui__result-tags")?.textContent?.trim() ?? ""));
      expect(tags).toEqual(["", "", ""]);
    });
  });
});
