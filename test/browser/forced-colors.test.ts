/**
 * An issue page on a 320 px phone in forced colours (Windows' contrast
 * themes, light and dark). They drop background images and colours: the
 * shade at the edge of a wide table's box, which says there is more beyond
 * it, was gone, and a code block, drawn as a panel, had no edge left to set
 * it apart from the text. The May issue has both. The oracle is the pixels
 * Chromium paints, against the theme's own background colour (Canvas):
 * at the right edge of the table's box (the table hidden, its place kept),
 * shade while the table goes on and none once it is scrolled to its end;
 * along each side of the code block, its edge.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pixelsUnlike, resolvedColour, type Clip } from "../helpers/painted.js";
import { servedSampleCopy } from "../helpers/served-copy.js";

const ISSUE = "issues/2011-05/";
const BOX = ".issue-body .table-scroll";

const site = servedSampleCopy("gekkan-forced-colors-", async () => {}, (page) => page === `${ISSUE}index.html`);

/**
 * The strip (5 px wide) inside the right edge of the table's box, over the middle half of its height, where its shade
 * is deepest. What the table holds is hidden (it keeps its place): what is painted there is the box's own.
 */
function rightEdge(page: Page): Promise<Clip> {
  return page.locator(BOX).first().evaluate((box) => {
    (box.querySelector("table") as HTMLElement).style.visibility = "hidden";
    const b = box.getBoundingClientRect();
    const right = b.left + box.clientLeft + box.clientWidth;
    return { x: right - 6, y: b.top + b.height / 4, width: 5, height: b.height / 2 };
  });
}

describe("an issue page in forced colours on a 320 px phone", () => {
  it.each(["light", "dark"] as const)("%s: a wide table's box shows its shade where it goes on, and a code block its edge", async (scheme) => {
    await site.withPage({ width: 320, height: 800, scheme }, async (page) => {
      await page.emulateMedia({ forcedColors: "active", colorScheme: scheme });
      await site.open(page, ISSUE);
      expect(await page.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(true);
      const canvas = await resolvedColour(page, "Canvas");

      const box = page.locator(BOX).first();
      await box.scrollIntoViewIfNeeded();
      expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth), "the table is wider than its box").toBe(true);
      const edge = await rightEdge(page);
      const goingOn = await pixelsUnlike(page, edge, canvas);
      await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      const atEnd = await pixelsUnlike(page, edge, canvas);
      expect({ goingOn: goingOn.unlike > goingOn.all / 2, atEnd: atEnd.unlike }).toEqual({ goingOn: true, atEnd: 0 });

      const code = page.locator(".issue-body pre").first();
      await code.scrollIntoViewIfNeeded();
      const b = (await code.boundingBox()) as Clip;
      const sides = { top: { ...b, height: 2 }, bottom: { ...b, y: b.y + b.height - 2, height: 2 }, left: { ...b, width: 2 }, right: { ...b, x: b.x + b.width - 2, width: 2 } };
      const drawn: Record<string, boolean> = {};
      for (const [side, clip] of Object.entries(sides)) {
        const { unlike, all } = await pixelsUnlike(page, clip, canvas);
        drawn[side] = unlike > all / 3;
      }
      expect(drawn).toEqual({ top: true, bottom: true, left: true, right: true });
    });
  });
});
