/**
 * Contents entries with a kind label on a phone. An entry for a block starts
 * with its kind (リリース, Q&A, STONITH); on a 320 px phone most of these
 * titles wrap, and the second line ran on under the label, back at the
 * list's edge, so the labels no longer stood out as a column to scan down.
 * The oracle is the layout of the entry's text: every line of a wrapped
 * title (the line boxes of a Range over its link) starts right of its label.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { servedSampleCopy } from "../helpers/served-copy.js";

const site = servedSampleCopy("gekkan-toc-kind-column-", async () => {});

/** For each labelled entry whose title wraps: its text, its lines, and how far left of the label's right edge its leftmost line starts. */
function wrappedEntries(page: Page): Promise<{ text: string; lines: number; intrudes: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".toc-list li")].flatMap((li) => {
      const kind = li.querySelector(":scope > .toc-kind");
      const link = li.querySelector(":scope > a");
      if (!kind || !link) return [];
      const range = document.createRange();
      range.selectNodeContents(link);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const lines = new Set(rects.map((r) => Math.round(r.bottom))).size;
      if (lines < 2) return [];
      const left = Math.min(...rects.map((r) => r.left));
      return [{ text: link.textContent ?? "", lines, intrudes: Math.round(kind.getBoundingClientRect().right - left) }];
    }),
  );
}

describe("a wrapped contents entry keeps its title beside its kind label", () => {
  it.each([
    ["issues/2011-04/", 320],
    ["en/issues/2011-04/", 320],
    ["issues/2011-04/", 390],
    ["issues/2011-05/", 320],
  ])("/%s on a %i px phone", async (path, width) => {
    const entries = await site.withPage({ width, height: 800, scheme: "dark" }, async (page) => {
      await site.open(page, path);
      // Folded on a phone: opened as a reader would.
      await page.click(".issue-toc > summary");
      return wrappedEntries(page);
    });
    expect(entries.length, "labelled entries that wrap").toBeGreaterThan(0);
    expect(entries.filter((e) => e.intrudes > 0)).toEqual([]);
  });
});
