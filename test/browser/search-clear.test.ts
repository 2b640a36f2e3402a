/**
 * The clear button of Pagefind's search box, met with the keyboard. While
 * the box is empty Pagefind keeps the button in the page, only transparent:
 * Tab from the box stopped on a button that could not be seen (nor its focus
 * ring), and clearing the box with it left the focus on that button as it
 * vanished. The oracle is the browser's own: which element has the focus
 * after each key, and whether Chromium draws it (its box, its computed
 * opacity and visibility, its ancestors' too).
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { servedSampleCopy } from "../helpers/served-copy.js";

const site = servedSampleCopy("gekkan-search-clear-", async () => {});

/** The focused element's class, and whether it is drawn: a box, visible, and no ancestor (nor itself) transparent. */
async function focused(page: Page): Promise<{ className: string; seen: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el === null || el === document.body) return { className: "(none)", seen: false };
    const box = el.getBoundingClientRect();
    let opaque = true;
    for (let at: Element | null = el; at !== null; at = at.parentElement) if (parseFloat(getComputedStyle(at).opacity) < 0.5) opaque = false;
    const seen = box.width > 0 && box.height > 0 && getComputedStyle(el).visibility === "visible" && opaque;
    return { className: String(el.className), seen };
  });
}

describe("the search box's clear button and the keyboard", () => {
  it("with the box empty, Tab from it goes to something the reader can see", async () => {
    await site.withPage({ width: 375, height: 800 }, async (page) => {
      await site.open(page, "search/");
      await page.focus(".pagefind-ui__search-input");
      await page.keyboard.press("Tab");
      const next = await focused(page);
      expect(next.className).not.toContain("pagefind-ui__search-clear");
      expect(next.seen, next.className).toBe(true);
    });
  });

  it("with a query, Tab reaches the shown clear button, and Enter on it empties the box and puts the focus back in it", async () => {
    await site.withPage({ width: 375, height: 800 }, async (page) => {
      await site.open(page, "search/");
      await page.focus(".pagefind-ui__search-input");
      await page.keyboard.type("pacemaker");
      await page.waitForSelector(".pagefind-ui__result-link");
      await page.keyboard.press("Tab");
      const clear = await focused(page);
      expect(clear.className).toContain("pagefind-ui__search-clear");
      expect(clear.seen).toBe(true);
      await page.keyboard.press("Enter");
      await expect.poll(() => page.inputValue(".pagefind-ui__search-input")).toBe("");
      const after = await focused(page);
      expect(after.className).toContain("pagefind-ui__search-input");
      expect(after.seen).toBe(true);
    });
  });
});
