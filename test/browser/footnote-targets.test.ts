/**
 * A footnote's number (<sup><a>1</a></sup>) and its way back (↩) on a
 * phone. They were a few px wide, 7 × 19 and 13 × 24 at a 375 px phone's
 * text size: a thumb missed them. Each must take a tap anywhere in a
 * 24 × 24 px square around it (WCAG 2.2 SC 2.5.8), at normal and 200% text,
 * while the paragraph it sits in stays as tall as the same paragraph without
 * it: the raised number had made its line 2 px taller than the others. The
 * oracles are Chromium's: its hit testing (what a tap there reaches), its
 * layout of a copy of the paragraph without the footnote, and axe-core.
 * The sample site has no footnotes: a copy of the April issue gets some, one
 * in the middle of a line and one at a paragraph's end.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatAxeViolations, runAxe } from "../helpers/axe.js";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { paragraphGrowth, tapMisses } from "../helpers/tap-area.js";

const ISSUE = "issues/2011-04/";
const REF = "a[data-footnote-ref]";
const BACK = "a[data-footnote-backref]";
const NOTES = `
順序[^order]の話です。

短い段落です。[^short]

[^order]: 再起動の順序の脚注です。

[^short]: 短い脚注です。
`;

const site = servedSampleCopy("gekkan-footnote-targets-", async (root) => {
  const file = join(root, "content/issues/2011/2011-04.md");
  await writeFile(file, `${await readFile(file, "utf8")}\n${NOTES}`);
}, (page) => page === `${ISSUE}index.html`);

describe("a footnote's number and its way back on a 375 px phone", () => {
  it.each([16, 32])("take a tap anywhere in 24 × 24 px and leave their line's height alone (axe finding nothing), with the browser's text at %i px", async (px) => {
    await site.withPage({ width: 375, height: 800 }, async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Page.setFontSizes", { fontSizes: { standard: px, fixed: Math.round(px * 0.8125) } });
      await site.open(page, ISSUE);
      // Both footnotes drawn, or there is nothing to measure.
      expect(await page.locator(`${REF}:visible`).count()).toBe(2);
      expect(await page.locator(`${BACK}:visible`).count()).toBe(2);
      expect([...(await tapMisses(page, REF)), ...(await tapMisses(page, BACK))]).toEqual([]);
      expect([...(await paragraphGrowth(page, REF, "sup")), ...(await paragraphGrowth(page, BACK, BACK))]).toEqual([]);
      expect(formatAxeViolations(await runAxe(page))).toBe("");
    });
  });
});
