/**
 * The focus ring of Pagefind's search box. Pagefind UI resets every element
 * it draws (`all: unset; outline: revert`), so the site's focus ring did not
 * reach its input, which showed the browser's own thin "auto" ring instead.
 * The input, reached with Tab, must show a solid ring at least 2 px thick
 * (WCAG 2.2 focus appearance) whose colour has at least 3:1 contrast with
 * what it is drawn on, in light and dark mode. The contrast is computed here
 * from the computed colours with WCAG's formula, not taken from the stylesheet.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { servedSampleCopy } from "../helpers/served-copy.js";

const site = servedSampleCopy("gekkan-search-focus-", async () => {});

type Rgba = [number, number, number, number];

/** "rgb(1, 2, 3)" or "rgba(1, 2, 3, 0.5)" → [r, g, b, a]; anything else (a named or "auto" colour) fails the test. */
function parseColour(css: string): Rgba {
  const m = /^rgba?\((\d+(?:\.\d+)?), (\d+(?:\.\d+)?), (\d+(?:\.\d+)?)(?:, (\d*\.?\d+))?\)$/.exec(css);
  if (m === null) throw new Error(`not an rgb() colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}

/** WCAG 2 relative luminance of an opaque sRGB colour. */
function luminance([r, g, b]: Rgba): number {
  const [R, G, B] = [r, g, b].map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Tab from the top of the search page until the search input has focus; then its ring and the colour it is drawn on. */
async function focusedRing(page: Page) {
  await site.open(page, "search/");
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.classList.contains("pagefind-ui__search-input"))) break;
  }
  return page.evaluate(() => {
    const input = document.activeElement as HTMLElement;
    const style = getComputedStyle(input);
    const opaque = (el: Element | null): string => {
      for (let at = el; at !== null; at = at.parentElement) {
        const bg = getComputedStyle(at).backgroundColor;
        if (bg !== "rgba(0, 0, 0, 0)" && bg !== "transparent") return bg;
      }
      return "rgb(255, 255, 255)";
    };
    const offset = parseFloat(style.outlineOffset);
    return {
      isInput: input.classList.contains("pagefind-ui__search-input"),
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      colour: style.outlineColor,
      // An outline drawn outside the border lies on what is behind the input; one drawn inside, on the input itself.
      under: offset >= 0 ? opaque(input.parentElement) : opaque(input),
      inputBackground: opaque(input),
    };
  });
}

describe("Pagefind's search box shows a clear focus ring", () => {
  it.each(["light", "dark"] as const)("%s", async (scheme) => {
    await site.withPage({ width: 1280, height: 900, scheme }, async (page) => {
      const ring = await focusedRing(page);
      expect(ring.isInput).toBe(true);
      // "auto" is drawn as the browser likes, its colour and thickness unknown: a ring must be one the page draws.
      expect(["solid", "double", "dashed", "dotted"]).toContain(ring.style);
      expect(ring.width).toBeGreaterThanOrEqual(2);
      const colour = parseColour(ring.colour);
      expect(colour[3]).toBe(1);
      expect(contrast(colour, parseColour(ring.under))).toBeGreaterThanOrEqual(3);
      expect(contrast(colour, parseColour(ring.inputBackground))).toBeGreaterThanOrEqual(3);
    });
  });
});
