/**
 * The search page with the reader's text made larger (the browser's font size
 * setting, here 200%). Pagefind sizes its box, message and results in px
 * times a scale, so they stayed at 13 to 17 px while the page's own text
 * around them doubled: the one part of the site that ignored the setting.
 * Each must grow with the text as the page's paragraphs do, and the grown
 * results must still fit a 320 px phone.
 *
 * The grown box must still hold a query: Pagefind keeps room inside it for
 * its search icon (54 px, scaled) and its clear button (70 px, scaled), so on
 * a 320 px phone at 200% text the text area was about 54 px wide, three
 * letters of the query. The oracle is the typed query's own width, measured
 * in a span of the input's font, against the input's text area.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.js";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { pageHelpers } from "../helpers/site-page.js";

const PARTS = [".pagefind-ui__search-input", ".pagefind-ui__message", ".pagefind-ui__result-link", ".pagefind-ui__result-excerpt"];

const site = servedSampleCopy("gekkan-search-text-size-", async () => {});

/** The font size (px) of each of PARTS after a search, with the browser's default text size at `px`. */
async function partSizes(page: Page, px: number, open = site.open): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: px, fixed: Math.round(px * 0.8125) } });
  await open(page, "search/");
  await page.fill(".pagefind-ui__search-input", "pacemaker");
  // Not Pagefind's loading placeholder, an excerpt with no link beside it yet.
  await page.waitForSelector(".pagefind-ui__result-link ~ .pagefind-ui__result-excerpt, .pagefind-ui__result-title:has(.pagefind-ui__result-link) ~ .pagefind-ui__result-excerpt");
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

  it.each([
    [320, 32],
    [390, 32],
    [320, 24],
    [320, 16],
  ])("on a %i px phone with %i px text the search box shows ten characters of a query, and the clear button covers none of them", async (width, px) => {
    const QUERY = "Heartbeat3";
    const box = await site.withPage({ width, height: 800 }, async (page) => {
      await partSizes(page, px);
      await page.fill(".pagefind-ui__search-input", QUERY);
      await page.waitForSelector(".pagefind-ui__search-clear:not(.pagefind-ui__suppressed)");
      return page.evaluate((query) => {
        const input = document.querySelector(".pagefind-ui__search-input") as HTMLInputElement;
        const style = getComputedStyle(input);
        const probe = document.createElement("span");
        probe.style.cssText = `font: ${style.font}; letter-spacing: ${style.letterSpacing}; white-space: pre; position: absolute;`;
        probe.textContent = query;
        document.body.append(probe);
        const rect = input.getBoundingClientRect();
        const textLeft = rect.left + input.clientLeft + parseFloat(style.paddingLeft);
        const textRight = rect.left + input.clientLeft + input.clientWidth - parseFloat(style.paddingRight);
        const clear = (document.querySelector(".pagefind-ui__search-clear") as HTMLElement).getBoundingClientRect();
        const overlaps = clear.left < textRight && clear.right > textLeft && clear.top < rect.bottom && clear.bottom > rect.top;
        return { query: probe.getBoundingClientRect().width, room: textRight - textLeft, clearOverText: overlaps, clearShown: clear.width > 0 && clear.height > 0, page: document.documentElement.scrollWidth, window: innerWidth };
      }, QUERY);
    });
    expect(box.room, `text area ${box.room} px for a query ${box.query} px wide`).toBeGreaterThanOrEqual(box.query);
    expect(box.clearOverText).toBe(false);
    expect(box.clearShown).toBe(true);
    expect(box.page).toBeLessThanOrEqual(box.window);
  });

  it("on a 320 px phone at 200% text a message of several lines stays above the first result", async () => {
    const box = await site.withPage({ width: 320, height: 800 }, async (page) => {
      await partSizes(page, 32);
      // Pagefind's message is one line high; this one wraps ("pacemaker corosyncの2件の検索結果").
      await page.fill(".pagefind-ui__search-input", "pacemaker corosync");
      await page.waitForFunction(() => /corosync/.test(document.querySelector(".pagefind-ui__message")?.textContent ?? ""));
      return page.evaluate(() => {
        const message = document.querySelector(".pagefind-ui__message") as HTMLElement;
        const range = document.createRange();
        range.selectNodeContents(message);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
        const first = (document.querySelector(".pagefind-ui__result") as HTMLElement).getBoundingClientRect();
        return { lines, textBottom: range.getBoundingClientRect().bottom, resultTop: first.top };
      });
    });
    expect(box.lines).toBeGreaterThan(1);
    expect(box.textBottom).toBeLessThanOrEqual(box.resultTop);
  });
});

/**
 * Firefox cannot divide a length by a length (calc(1rem / 1px)), which the
 * first way of following the text size needed: there Pagefind kept its px
 * sizes. Chromium without that feature (a Blink switch) stands in for it.
 */
describe("the search page follows the reader's text size without typed arithmetic (as in Firefox)", () => {
  let plain: Browser | undefined;
  beforeAll(async () => {
    plain = await launchChromium({ args: ["--disable-blink-features=CSSTypedArithmetic"] });
  }, 60_000);
  afterAll(async () => {
    await plain?.close();
  });
  const without = pageHelpers(() => plain!, () => site.server);

  it("the stand-in cannot divide lengths", async () => {
    const supported = await without.withPage({}, async (page) => {
      await without.open(page, "search/");
      return page.evaluate(() => CSS.supports("scale: calc(1rem / 1px)"));
    });
    expect(supported).toBe(false);
  });

  it("at 200% text every part of Pagefind's box and results is twice its size at 100%", async () => {
    const normal = await without.withPage({ width: 390, height: 800 }, (page) => partSizes(page, 16, without.open));
    const large = await without.withPage({ width: 390, height: 800 }, (page) => partSizes(page, 32, without.open));
    const ratios = Object.fromEntries(PARTS.map((part, i) => [part, Math.round(((large[i] ?? 0) / (normal[i] ?? 1)) * 100) / 100]));
    expect(ratios).toEqual(Object.fromEntries(PARTS.map((part) => [part, 2])));
  });
});
