/**
 * The front page's parts, one under another. On the English front page the
 * note that more issues are in Japanese only ("1 more issue is in Japanese
 * only. Japanese archive →") sat flush against the latest issue's card,
 * 0 px between the card's border and the line, reading as part of the card.
 * Each part of the front page's main column (the latest issue, the recent
 * ones, that note) must stand apart from the one above it, on a phone and
 * on a wide screen, in both editions.
 */
import { describe, expect, it } from "vitest";
import { servedSampleCopy } from "../helpers/served-copy.js";

/** Less than this between two parts and they read as one. */
const LEAST_GAP = 16;
const WIDTHS = [390, 1280];

const site = servedSampleCopy("gekkan-front-page-spacing-", async () => {});

describe("the parts of the front page stand apart", () => {
  it.each(WIDTHS)("at %i px, in both editions", async (width) => {
    const gaps: Record<string, string[]> = {};
    await site.withPage({ width, height: 800 }, async (page) => {
      for (const path of ["", "en/"]) {
        await site.open(page, path);
        await page.waitForLoadState("networkidle");
        gaps[`/${path}`] = await page.$$eval("main > *", (parts) => {
          const shown = parts.map((part) => [part, part.getBoundingClientRect()] as const).filter(([, box]) => box.height > 1);
          return shown.slice(1).map(([part, box], i) => `${part.tagName.toLowerCase()}.${part.className}: ${Math.round(box.top - (shown[i]?.[1].bottom ?? 0))}`);
        });
      }
    });
    // The English edition has the note; the check would pass vacuously without it.
    expect(gaps["/en/"]?.some((gap) => gap.startsWith("p.other-edition"))).toBe(true);
    const tight = Object.entries(gaps).flatMap(([path, list]) => list.filter((gap) => Number(gap.split(": ")[1]) < LEAST_GAP).map((gap) => `${path} ${gap}px`));
    expect(tight).toEqual([]);
  });
});
