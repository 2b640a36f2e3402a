/**
 * The sample site's April diagram (public/images/linux-ha-stack.svg), as a
 * reader sees it. It was drawn 640 units wide with 14-unit captions, so a
 * phone 320 pixels wide drew its captions about 6 pixels high, and it stayed
 * a bright panel on a page in dark mode. The oracles are the browser's: the
 * size the image is drawn at, with the smallest font size written in the
 * SVG, gives the captions' height on screen; and the pixels of the drawn
 * image (a screenshot, decoded by the browser's own canvas) show which
 * colours it took in light mode, in dark mode, and printed from dark mode,
 * where paper is white.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { REPO_ROOT } from "../helpers/sample-build.js";

const SVG = readFileSync(join(REPO_ROOT, "public/images/linux-ha-stack.svg"), "utf8");
const IMAGE = 'img[src$="images/linux-ha-stack.svg"]';
const site = servedSampleCopy("gekkan-diagram-", async () => {});

/** The SVG's own width (viewBox) and its smallest font size, read from the file's text. */
function drawnUnits(): { width: number; smallestFont: number } {
  const viewBox = /viewBox="([\d.\s-]+)"/.exec(SVG)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  const fonts = [...SVG.matchAll(/font-size[=:]\s*"?([\d.]+)/g)].map((m) => Number(m[1]));
  return { width: viewBox[2] ?? Number.NaN, smallestFont: Math.min(...fonts) };
}

/** The mean brightness (0–1) of a 6×6 patch at the drawn image's top-left corner, inside its background. */
async function cornerBrightness(page: Page): Promise<number> {
  const shot = await page.locator(IMAGE).first().screenshot({ type: "png" });
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext("2d");
    if (context === null) throw new Error("no 2d canvas");
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(2, 2, 6, 6).data;
    let sum = 0;
    for (let i = 0; i < pixels.length; i += 4) sum += ((pixels[i] ?? 0) + (pixels[i + 1] ?? 0) + (pixels[i + 2] ?? 0)) / 3;
    return sum / (pixels.length / 4) / 255;
  }, shot.toString("base64"));
}

describe("the sample diagram", () => {
  it("its smallest caption is at least 12 pixels high on a phone 320 pixels wide", async () => {
    const { width, smallestFont } = drawnUnits();
    expect(width).toBeGreaterThan(0);
    const drawn = await site.withPage({ width: 320, height: 640 }, async (page) => {
      await site.open(page, "issues/2011-04/");
      return page.locator(IMAGE).first().evaluate((img) => img.getBoundingClientRect().width);
    });
    expect(drawn).toBeGreaterThan(200);
    expect(smallestFont * (drawn / width)).toBeGreaterThanOrEqual(12);
  });

  it("on a wide screen it is as wide as the text column, as an SVG sized by its viewBox alone is shown, and a copy whose file never comes keeps that box", async () => {
    const [, , boxWidth = Number.NaN, boxHeight = Number.NaN] = /viewBox="([\d.\s-]+)"/.exec(SVG)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
    const sizes = await site.withPage({ width: 1280, height: 900 }, async (page) => {
      // Never answered: a copy of the diagram's element pointing there shows the box the page keeps before the file arrives.
      await page.route("**/held-diagram.svg", () => undefined);
      await site.open(page, "issues/2011-04/");
      return page.locator(IMAGE).first().evaluate((img) => {
        const column = img.parentElement as HTMLElement;
        const style = getComputedStyle(column);
        const inner = column.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const copy = img.cloneNode() as HTMLImageElement;
        copy.loading = "eager";
        copy.src = "/held-diagram.svg";
        img.after(copy);
        const waiting = copy.getBoundingClientRect();
        return { width: img.getBoundingClientRect().width, column: inner, waiting: { width: waiting.width, height: waiting.height, loaded: copy.complete && copy.naturalWidth > 0 } };
      });
    });
    expect(sizes.column).toBeGreaterThan(boxWidth);
    expect(sizes.width).toBeCloseTo(sizes.column, 0);
    expect(sizes.waiting.loaded).toBe(false);
    expect(sizes.waiting.width).toBeCloseTo(sizes.column, 0);
    expect(sizes.waiting.height).toBeCloseTo((sizes.column * boxHeight) / boxWidth, 0);
  });

  it("is light on a light page, dark on a dark page, and light again when printed from dark mode", async () => {
    const brightness: Record<string, number> = {};
    for (const [name, scheme, media] of [["light", "light", "screen"], ["dark", "dark", "screen"], ["dark print", "dark", "print"]] as const) {
      await site.withPage({ width: 718, height: 1000, scheme }, async (page) => {
        await site.open(page, "en/issues/2011-04/");
        await page.emulateMedia({ media });
        await page.locator(IMAGE).first().scrollIntoViewIfNeeded();
        brightness[name] = await cornerBrightness(page);
      });
    }
    expect(brightness.light).toBeGreaterThan(0.8);
    expect(brightness.dark).toBeLessThan(0.2);
    expect(brightness["dark print"]).toBeGreaterThan(0.8);
  });
});
