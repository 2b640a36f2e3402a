/**
 * A block's facts (コンポーネント Linux-HA, 状態 アナウンス) with the reader's
 * text made larger on a phone. Label and value shared one flex row and both
 * shrank to fit it, so the label broke inside its word (「コンポーネ／ント」)
 * and the value beside it too (「Linux-／HA」). A label or value that fits
 * the block's width on a line of its own must not be broken: when the two do
 * not fit side by side, the value goes under its label.
 */
import { describe, expect, it } from "vitest";
import { servedSampleCopy } from "../helpers/served-copy.js";

const PAGES = ["issues/2011-04/", "en/issues/2011-04/", "issues/2011-05/"];

const site = servedSampleCopy("gekkan-block-facts-wrap-", async () => {});

describe("a block's facts at 200% text on a phone", () => {
  it.each([320, 390])("at %i px no label or short value breaks inside", async (width) => {
    const broken: string[] = [];
    await site.withPage({ width, height: 800 }, async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
      for (const path of PAGES) {
        await site.open(page, path);
        await page.waitForLoadState("networkidle");
        const found = await page.$$eval(".block-facts dt, .block-facts dd", (parts) =>
          parts.flatMap((part) => {
            // The lines its text is drawn on: a <code> inside is drawn a little lower on the same line, so tops within half a line are one.
            const tops: number[] = [];
            const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const range = document.createRange();
              range.selectNodeContents(node);
              tops.push(...[...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top));
            }
            const half = parseFloat(getComputedStyle(part).fontSize) / 2;
            const lines = tops.sort((a, b) => a - b).filter((top, i, all) => i === 0 || top - (all[i - 1] ?? top) > half).length;
            // What the part needs on one line, against the room the block gives a row.
            const probe = part.cloneNode(true) as HTMLElement;
            probe.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap;width:max-content";
            part.parentElement?.appendChild(probe);
            const needed = probe.getBoundingClientRect().width;
            probe.remove();
            const room = part.closest(".block-facts")?.getBoundingClientRect().width ?? 0;
            return lines > 1 && needed <= room ? [`${part.tagName.toLowerCase()} "${part.textContent?.trim() ?? ""}" on ${lines} lines`] : [];
          }),
        );
        broken.push(...found.map((f) => `/${path}: ${f}`));
      }
    });
    expect(broken).toEqual([]);
  });
});
