/**
 * The search page with the reader's text made larger (the browser's font size
 * setting, here 200%). Pagefind sizes its box, message and results in px
 * times a scale, so they stayed at 13 to 17 px while the page's own text
 * around them doubled: the one part of the site that ignored the setting.
 * Each must grow with the text as the page's paragraphs do, and the grown
 * results must still fit a 320 px phone.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { servedSampleCopy } from "../helpers/served-copy.js";

const PARTS = [".pagefind-ui__search-input", ".pagefind-ui__message", ".pagefind-ui__result-link", ".pagefind-ui__result-excerpt"];

const site = servedSampleCopy("gekkan-search-text-size-", async () => {});

/** The font size (px) of each of PARTS after a search, with the browser's default text size at `px`. */
async function partSizes(page: Page, px: number): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: px, fixed: Math.round(px * 0.8125) } });
  await site.open(page, "search/");
  await page.fill(".pagefind-ui__search-input", "pacemaker");
  await page.waitForSelector(".pagefind-ui__result-excerpt");
  return page.evaluate((parts) => parts.map((part) => parseFloat(getComputedStyle(document.querySelector(part) as Element).fontSize)), PARTS);
}

describe("the search page follows the reader's text size", () => {
  it("at 200% text every part of Pagefind's box and results is twice its size at 100%", async () => {
    const normal = await site.withPage({ width: 390, height: 800 }, (page) => partSizes(page, 16));
    const large = await site.withPage({ width: 390, height: 800 }, (page) => partSizes(page, 32));
    const ratios = Object.fromEntries(PARTS.map((part, i) => [part, Math.round(((large[i] ?? 0) / (normal[i] ?? 1)) * 100) / 100]));
    expect(ratios).toEqual(Object.fromEntries(PARTS.map((part) => [part, 2])));
  });

  it("at 200% text on a 320 px phone the results do not widen the page", async () => {
    const widths = await site.withPage({ width: 320, height: 800 }, async (page) => {
      await partSizes(page, 32);
      return page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: innerWidth }));
    });
    expect(widths.page).toBeLessThanOrEqual(widths.window);
  });
});
