/**
 * An issue's number and month over its title, on its page and in the lists
 * (home, archive, component pages). With the reader's text made larger
 * (the browser's font size setting) on a phone, the number broke over two
 * lines: 「第1」/「号」, "Issue" / "1", and the month 「2011年5月」/「号」.
 * Each must be drawn on one line wherever a whole line can hold it. The
 * oracle is Chromium's layout: the line boxes of its text (the distinct tops
 * of the text's client rects), and its own width against its line's.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { servedSampleCopy } from "../helpers/served-copy.js";

const PAGES = ["", "en/", "issues/2011-04/", "issues/2011-05/", "en/issues/2011-04/", "archive/2011/", "components/pacemaker/", "en/components/pacemaker/"];
const PARTS = ".issue-meta > .issue-label, .issue-meta > .issue-number, .archive-list .issue-number";

const site = servedSampleCopy("gekkan-issue-number-lines-", async () => {});

interface Part {
  text: string;
  lines: number;
  /** Its text's width laid out on one line, and the width of the line it is in. */
  width: number;
  room: number;
}

/** Every issue number and month on the page: how many lines its text is drawn on, and whether one line could hold it. */
function parts(page: Page): Promise<Part[]> {
  return page.$$eval(PARTS, (els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      // The same text in the same font, on one line, out of the flow.
      const probe = el.cloneNode(true) as HTMLElement;
      probe.style.cssText = "position: absolute; white-space: nowrap; display: inline; max-width: none";
      el.parentElement?.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      const block = el.closest("p, li") as HTMLElement;
      const style = getComputedStyle(block);
      const room = block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: (el.textContent ?? "").trim(), lines, width, room };
    }),
  );
}

describe("an issue's number and month are not broken over two lines", () => {
  it.each([
    [320, 24],
    [375, 32],
    [414, 32],
  ])("at %i px with %i px text", async (width, px) => {
    const broken: string[] = [];
    let measured = 0;
    await site.withPage({ width, height: 800 }, async (page, context) => {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Page.setFontSizes", { fontSizes: { standard: px, fixed: Math.round(px * 0.8125) } });
      for (const path of PAGES) {
        await site.open(page, path);
        for (const part of await parts(page)) {
          // A whole line too narrow for it (the month in the front page's framed card at 320 px and 200%): it may break.
          if (part.width > part.room) continue;
          measured++;
          if (part.lines !== 1) broken.push(`/${path} "${part.text}": ${part.lines} lines`);
        }
      }
    });
    // Every page has one, the lists several.
    expect(measured).toBeGreaterThan(PAGES.length * 2);
    expect(broken).toEqual([]);
  });
});
