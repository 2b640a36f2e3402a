/**
 * Printing from a system in dark mode. A print style sheet that sets only
 * some colours for paper leaves the rest to the screen's dark palette, whose
 * colours are made for a dark background: the issue label, the Q&A label
 * and highlighted code came out pale pink, light blue and lilac on white
 * paper (contrast 1.8 to 2.3). The sample site is built and each kind of
 * page is printed (emulated print media) with the reader's system in light
 * and in dark mode. The oracles are the browser's own: every element's
 * computed colours are the same in both (paper is white whatever the
 * screen's setting), and axe-core finds no text below the contrast minimum
 * on the dark-mode print.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { formatAxeViolations, runAxe } from "../helpers/axe.js";
import { servedSampleCopy } from "../helpers/served-copy.js";

// One page of each kind that holds coloured parts: labels, blocks, highlighted code, tables, history.
const PAGES = ["", "issues/2011-04/", "issues/2011-05/", "en/issues/2011-04/", "archive/", "releases/", "stonith/", "compat/", "components/pacemaker/", "search/"];
const COLOUR_PROPERTIES = ["color", "background-color", "border-top-color", "border-left-color", "border-bottom-color", "outline-color", "text-decoration-color", "color-scheme"];

const site = servedSampleCopy("gekkan-print-dark-", async () => {});

/** Every element's colours, as `selector-ish: property=value` lines, in document order. */
function printedColours(page: Page): Promise<string[]> {
  return page.evaluate((properties) => {
    const lines: string[] = [];
    for (const [i, el] of [document.documentElement, ...document.querySelectorAll("body, body *")].entries()) {
      const style = getComputedStyle(el);
      const values = properties.map((p) => `${p}=${style.getPropertyValue(p)}`).join(" ");
      lines.push(`${i} <${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> ${values}`);
    }
    return lines;
  }, COLOUR_PROPERTIES);
}

describe("printing with the system in dark mode", () => {
  it.each(PAGES)("/%s prints in the same colours as in light mode", async (path) => {
    const printed: Record<string, string[]> = {};
    for (const scheme of ["light", "dark"] as const) {
      await site.withPage({ width: 718, height: 1000, scheme }, async (page) => {
        await site.open(page, path);
        await page.emulateMedia({ media: "print" });
        printed[scheme] = await printedColours(page);
      });
    }
    const light = printed.light ?? [];
    expect(light.length).toBeGreaterThan(30);
    // Only the lines that differ, so a failure names the elements.
    const differing = (printed.dark ?? []).filter((line, i) => line !== light[i]);
    expect(differing.slice(0, 20)).toEqual([]);
  });

  it("the check can fail: the same page on screen differs between light and dark", async () => {
    const onScreen: Record<string, string[]> = {};
    for (const scheme of ["light", "dark"] as const) {
      await site.withPage({ width: 718, height: 1000, scheme }, async (page) => {
        await site.open(page, "issues/2011-04/");
        onScreen[scheme] = await printedColours(page);
      });
    }
    expect(onScreen.dark).not.toEqual(onScreen.light);
  });

  it("axe finds no text below the contrast minimum on any of these pages printed in dark mode", async () => {
    const report: string[] = [];
    await site.withPage({ width: 718, height: 1000, scheme: "dark" }, async (page) => {
      for (const path of PAGES) {
        // The search page waits for its box, which print hides: open each page on screen, then print it.
        await page.emulateMedia({ media: "screen" });
        await site.open(page, path);
        await page.emulateMedia({ media: "print" });
        report.push(formatAxeViolations(await runAxe(page, { axeOptions: { runOnly: ["color-contrast"] } }), `print, dark /${path}`));
      }
    });
    expect(report.filter((r) => r !== "").join("\n")).toBe("");
  });
});
