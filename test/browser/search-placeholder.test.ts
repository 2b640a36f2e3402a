/**
 * The search box's placeholder on a phone with the text made larger. On a
 * 320 px phone at 200% text the box leaves about 200 px for text, and the
 * placeholder ("キーワードで検索", "Search the archive") was 270 and 305 px
 * wide: it showed as "キーワードで" and "Search the", cut mid-phrase. The
 * oracle is the placeholder's own width, measured in a span set in the
 * placeholder's computed font, against the input's text area (its width less
 * its padding), in both languages.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { servedSampleCopy } from "../helpers/served-copy.js";

const site = servedSampleCopy("gekkan-search-placeholder-", async () => {});

interface Fit {
  placeholder: string;
  width: number;
  room: number;
}

/** The placeholder's width and the room for text in the box, on the search page at `path` with `px` as the browser's text size. */
async function placeholderFit(page: Page, path: string, px: number): Promise<Fit> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: px, fixed: Math.round(px * 0.8125) } });
  await site.open(page, path);
  return page.evaluate(() => {
    const input = document.querySelector(".pagefind-ui__search-input") as HTMLInputElement;
    const box = getComputedStyle(input);
    const text = getComputedStyle(input, "::placeholder");
    const probe = document.createElement("span");
    // Each property on its own: Chromium leaves the `font` shorthand of an input empty.
    probe.style.cssText = `font-family: ${text.fontFamily}; font-size: ${text.fontSize}; font-weight: ${text.fontWeight}; font-style: ${text.fontStyle}; letter-spacing: ${text.letterSpacing}; white-space: pre; position: absolute;`;
    probe.textContent = input.placeholder;
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return { placeholder: input.placeholder, width, room: input.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight) };
  });
}

describe("the search box's placeholder fits the box", () => {
  it.each([
    ["search/", 320, 32],
    ["en/search/", 320, 32],
    ["search/", 320, 24],
    ["en/search/", 320, 24],
    ["search/", 390, 32],
    ["en/search/", 390, 32],
  ])("/%s on a %i px phone with %i px text", async (path, width, px) => {
    const fit = await site.withPage({ width, height: 800 }, (page) => placeholderFit(page, path, px));
    expect(fit.placeholder).not.toBe("");
    expect(fit.width, `"${fit.placeholder}" is ${fit.width} px wide in ${fit.room} px`).toBeLessThanOrEqual(fit.room);
  });
});
