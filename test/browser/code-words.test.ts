/**
 * Code words in running text on a phone. Japanese text may break between any
 * two characters, and inside a code word a hyphen is a break point too, so on
 * a 320 px phone the issue page showed `--with-ras-` / `set=linux-ha` and
 * the Q&A list `-` / `inf`: an option split in two, read (and typed) as two
 * words. The oracle is Chromium's layout of the text itself: every code
 * word that is no wider than its line (measured unbroken, in its own font)
 * has all its characters on one line (the line boxes of a Range over it).
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { servedSampleCopy } from "../helpers/served-copy.js";

const site = servedSampleCopy("gekkan-code-words-", async () => {});

const PAGES = ["issues/2011-04/", "en/issues/2011-04/", "issues/2011-05/", "compat/", "en/compat/", "stonith/"];

/** Code words (not code blocks) in the page's main part that fit a line but were laid out over more than one. */
function splitCodeWords(page: Page): Promise<{ split: string[]; checked: number }> {
  return page.evaluate(() => {
    const split: string[] = [];
    let checked = 0;
    for (const code of document.querySelectorAll("main code")) {
      if (code.closest("pre") || code.getClientRects().length === 0) continue;
      const line = code.parentElement?.closest("p, li, dd, dt, td, th, h1, h2, h3, h4, blockquote, div") as HTMLElement | null;
      if (!line) continue;
      const box = getComputedStyle(line);
      const lineWidth = line.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
      // Its unbroken width, padding included, in the code's own font.
      const probe = code.cloneNode(true) as HTMLElement;
      probe.style.cssText = "position: absolute; white-space: nowrap; display: inline; max-width: none;";
      code.parentElement?.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      if (width > lineWidth) continue;
      checked++;
      const range = document.createRange();
      range.selectNodeContents(code);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom))).size;
      if (lines > 1) split.push(`${code.textContent ?? ""} (${lines} lines)`);
    }
    return { split, checked };
  });
}

describe("a code word in running text stays on one line", () => {
  it.each([320, 360, 390])("on a %i px phone", async (width) => {
    const report: string[] = [];
    let checked = 0;
    await site.withPage({ width, height: 800, scheme: "dark" }, async (page) => {
      for (const path of PAGES) {
        await site.open(page, path);
        const found = await splitCodeWords(page);
        checked += found.checked;
        report.push(...found.split.map((s) => `/${path}: ${s}`));
      }
    });
    expect(checked).toBeGreaterThan(20);
    expect(report).toEqual([]);
  });
});
