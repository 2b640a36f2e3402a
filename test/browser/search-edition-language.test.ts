/**
 * Each edition's search lists its own language. One Pagefind index holds
 * the Japanese issues and their English translations, so a search for a
 * word both editions contain (STONITH) listed every issue twice on either
 * search page, the original and its translation mixed. Each search page
 * now lists the pages in its own language, and one checkbox, labelled in
 * the page's words, adds the others. The expected pages are written out
 * here from the sample site's content (STONITH is in the April issue, its
 * English translation and the May issue), and the language of each is the
 * one Chromium gives its searchable part, opened on its own.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { formatAxeViolations, runAxe } from "../helpers/axe.js";

const site = servedSampleCopy("gekkan-search-edition-", async () => {});

const TERM = "STONITH";
const JAPANESE = ["/issues/2011-04/", "/issues/2011-05/"];
const ENGLISH = ["/en/issues/2011-04/"];
const LABEL = { "search/": "ほかの言語の号も表示する", "en/search/": "Also show issues in other languages" } as const;
type SearchPath = keyof typeof LABEL;
/** A result's own link (sub-results, a page's headings, have theirs inside it). */
const TITLE_LINK = ".pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link";

/** The pages listed for TERM once Pagefind has drawn every result (the sample site has fewer than a page of them), sorted. */
async function listed(page: Page): Promise<string[]> {
  await page.waitForFunction(() => document.querySelectorAll(".pagefind-ui__result").length > 0 && document.querySelector(".pagefind-ui__loading") === null);
  const links = await page.$$eval(TITLE_LINK, (as) => as.map((a) => new URL(a.getAttribute("href") ?? "", location.href).pathname));
  return links.sort();
}

/** Types TERM and waits until the list is `expected` (or times out, and the list shown is compared). */
async function listedAs(page: Page, expected: readonly string[]): Promise<string[]> {
  await page.waitForFunction(({ want, link }) => {
    const shown = [...document.querySelectorAll(link)].map((a) => new URL(a.getAttribute("href") ?? "", location.href).pathname).sort();
    return document.querySelector(".pagefind-ui__loading") === null && JSON.stringify(shown) === JSON.stringify(want);
  }, { want: [...expected].sort(), link: TITLE_LINK }, { timeout: 5_000 }).catch(() => undefined);
  return listed(page);
}

/** The language of each page's searchable part, as Chromium sees it on the page itself. */
async function languagesOf(page: Page, paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    await site.open(page, path.slice(1));
    found.push(await page.$eval("[data-pagefind-body]", (el) => el.closest("[lang]")?.getAttribute("lang") ?? ""));
  }
  return found;
}

describe("each edition's search page lists its own language unless the reader ticks the box", () => {
  it.each([
    ["search/", "ja", JAPANESE],
    ["en/search/", "en", ENGLISH],
  ] as const)("/%s", async (path, lang, own) => {
    await site.withPage({ width: 1280, height: 900 }, async (page) => {
      await site.open(page, path);
      await page.fill(".pagefind-ui__search-input", TERM);
      const first = await listedAs(page, own);
      expect(first).toEqual(own);
      const box = page.getByRole("checkbox", { name: LABEL[path] });
      expect(await box.isChecked()).toBe(false);
      await box.check();
      const all = [...JAPANESE, ...ENGLISH].sort();
      expect(await listedAs(page, all)).toEqual(all);
      await box.uncheck();
      expect(await listedAs(page, own)).toEqual(own);
      // The oracle for "its own language": each page listed by default, opened, is in the search page's language.
      expect(new Set(await languagesOf(page, first))).toEqual(new Set([lang]));
    });
  });
});

describe("the box is a keyboard control with its label read, and the page stays accessible", () => {
  it.each([
    ["search/", 320, "light"],
    ["en/search/", 320, "dark"],
    ["search/", 1280, "dark"],
    ["en/search/", 1280, "light"],
  ] as const)("/%s at %i px, %s", async (path: SearchPath, width, scheme) => {
    await site.withPage({ width, height: 900, scheme }, async (page) => {
      await site.open(page, path);
      // From the top of the page, Tab reaches the box.
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(() => document.activeElement?.id === "search-all-languages");
      }
      expect(reached, "Tab reaches the box").toBe(true);
      // Chromium's own accessibility tree: a checkbox, named by its label.
      expect(await page.locator(":focus").ariaSnapshot()).toBe(`- checkbox "${LABEL[path]}"`);
      await page.keyboard.press("Space");
      expect(await page.locator(":focus").isChecked()).toBe(true);
      await page.fill(".pagefind-ui__search-input", TERM);
      const all = [...JAPANESE, ...ENGLISH].sort();
      expect(await listedAs(page, all)).toEqual(all);
      expect(formatAxeViolations(await runAxe(page), `${scheme} /${path} at ${width} px`)).toBe("");
    });
  });
});

describe("the results keep the search's whole width", () => {
  it.each(["search/", "en/search/"] as const)("/%s", async (path) => {
    await site.withPage({ width: 1280, height: 900 }, async (page) => {
      await site.open(page, path);
      await page.fill(".pagefind-ui__search-input", TERM);
      await listed(page);
      const widthOf = (selector: string) => page.$eval(selector, (el) => el.getBoundingClientRect().width);
      const [results, form] = [await widthOf(".pagefind-ui__results-area"), await widthOf(".pagefind-ui__form")];
      // Pagefind draws its own filter panel beside the results once the index has a filter: the box replaces it, and takes no room.
      expect(await page.locator(".pagefind-ui__filter-panel").first().isVisible()).toBe(false);
      expect(Math.abs(results - form), `results ${results} px wide in a ${form} px search`).toBeLessThanOrEqual(1);
    });
  });
});
