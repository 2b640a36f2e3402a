/**
 * The issue's contents box by keyboard. On a wide screen the contents are
 * always shown, so its <summary> opened and closed nothing, yet it was a Tab
 * stop and a screen reader announced it as a collapsed disclosure button. On
 * a phone the same summary folds and unfolds the list and must stay a
 * working control. The oracles are Chromium's own: where Tab goes
 * (document.activeElement) and the accessibility tree over CDP
 * (Accessibility.getFullAXTree), plus axe-core.
 */
import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { formatAxeViolations, runAxe } from "../helpers/axe.js";
import { servedSampleCopy } from "../helpers/served-copy.js";

const site = servedSampleCopy("gekkan-toc-keyboard-", async () => {});
const ISSUE = "issues/2011-04/";

interface Stop {
  tag: string;
  text: string;
  inToc: boolean;
}

/** Presses Tab from the top of the page until the first link of the contents has focus; every element focused on the way. */
async function tabToFirstContentsLink(page: Page): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el?.localName ?? "", text: el?.textContent?.trim() ?? "", inToc: el?.closest(".issue-toc") !== null };
    });
    stops.push(stop);
    if (stop.tag === "a" && stop.inToc) return stops;
  }
  throw new Error(`Tab never reached the contents: ${JSON.stringify(stops)}`);
}

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  ignored?: boolean;
  properties?: Array<{ name: string; value: { value?: unknown } }>;
}

/** Chromium's accessibility tree nodes (not ignored) whose name is `name`: role and expanded state. */
async function axNodesNamed(context: BrowserContext, page: Page, name: string): Promise<Array<{ role: string; expanded: unknown }>> {
  const cdp = await context.newCDPSession(page);
  const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: AxNode[] };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && n.name?.value === name)
    .map((n) => ({ role: n.role?.value ?? "", expanded: n.properties?.find((p) => p.name === "expanded")?.value.value }));
}

describe("the contents box's summary", () => {
  it("is no Tab stop and no button on a wide screen, where it would do nothing", async () => {
    await site.withPage({ width: 1280, height: 900 }, async (page, context) => {
      await site.open(page, ISSUE);
      expect(await page.locator(".issue-toc .toc-list a").first().isVisible()).toBe(true);
      const stops = await tabToFirstContentsLink(page);
      expect(stops.filter((s) => s.tag === "summary")).toEqual([]);
      // The list keeps its name, and the title is still seen.
      expect(await axNodesNamed(context, page, "目次")).toEqual([{ role: "navigation", expanded: undefined }]);
      expect(await page.locator(".issue-toc").getByText("目次", { exact: true }).filter({ visible: true }).count()).toBe(1);
      expect(formatAxeViolations(await runAxe(page))).toBe("");
    });
  });

  it("opens and closes the contents with the keyboard on a phone", async () => {
    await site.withPage({ width: 375, height: 800 }, async (page, context) => {
      await site.open(page, ISSUE);
      const firstLink = page.locator(".issue-toc .toc-list a").first();
      expect(await firstLink.isVisible()).toBe(false);
      // Tab reaches the summary before any link of the folded list.
      for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.localName)) !== "summary"; i++) await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("目次");
      expect(await axNodesNamed(context, page, "目次")).toEqual(expect.arrayContaining([{ role: "DisclosureTriangle", expanded: false }]));
      await page.keyboard.press("Enter");
      expect(await firstLink.isVisible()).toBe(true);
      expect(await axNodesNamed(context, page, "目次")).toEqual(expect.arrayContaining([{ role: "DisclosureTriangle", expanded: true }]));
      expect(formatAxeViolations(await runAxe(page))).toBe("");
      await page.keyboard.press("Space");
      expect(await firstLink.isVisible()).toBe(false);
    });
  });
});
