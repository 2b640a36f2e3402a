/**
 * Links a reader taps to move around the site: the menu, the language
 * switch, the footer's links, the previous/next issue, the year and
 * component lists, tags and filters. Each must be at least 24 × 24 CSS px
 * (WCAG 2.2 target size), at phone, tablet and desktop widths. The menu's
 * links were 22 px tall (the height of their text alone) and wrapped into
 * rows 3 px apart on a phone, the footer's 21 px. Links inside running text
 * are left out: a sentence sets their size. The oracle is the browser's own
 * layout: each link's box as Chromium draws it.
 */
import { describe, expect, it } from "vitest";
import { servedSampleCopy } from "../helpers/served-copy.js";

const MINIMUM = 24;
const WIDTHS = [320, 375, 768, 1280];
// One page of each kind that has these links; 404.html is served as it is (its links are absolute).
const PAGES = ["", "issues/2011-04/", "en/issues/2011-04/", "archive/", "archive/2011/", "components/", "compat/", "search/", "404.html"];
const NAVIGATION_LINKS = [
  ".site-header a",
  ".site-footer a",
  ".issue-pager a",
  ".year-nav a",
  ".filter-nav a",
  ".tags a",
  ".component-list a",
  ".archive-list a",
].join(", ");

const site = servedSampleCopy("gekkan-tap-targets-", async () => {});

describe("navigation links are at least 24 × 24 px", () => {
  it.each(WIDTHS)("at %i px, on every kind of page", async (width) => {
    const small: string[] = [];
    let measured = 0;
    await site.withPage({ width, height: 800 }, async (page) => {
      for (const path of PAGES) {
        await site.open(page, path);
        const links = await page.$$eval(NAVIGATION_LINKS, (as) =>
          as.flatMap((a) => {
            const box = a.getBoundingClientRect();
            // Not drawn (a folded or print-only part): nothing to tap.
            if (box.width === 0 && box.height === 0) return [];
            return [{ text: (a.textContent ?? "").trim().slice(0, 30), width: box.width, height: box.height }];
          }),
        );
        measured += links.length;
        for (const link of links) {
          if (link.width < MINIMUM || link.height < MINIMUM) small.push(`/${path} "${link.text}": ${Math.round(link.width)} × ${Math.round(link.height)}`);
        }
      }
    });
    // The menu alone has five links on each page.
    expect(measured).toBeGreaterThan(PAGES.length * 5);
    expect(small).toEqual([]);
  });
});
