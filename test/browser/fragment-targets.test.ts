/**
 * Arriving at a fragment: a contents entry, a search sub-result or a shared
 * link to a heading scrolled the heading to the very top edge of the window,
 * its first line touching it (a block had 1rem of room, a heading none), and
 * a search sub-result to a block's title cut off the block's top border.
 * Every kind of target must arrive with room above it, as a block does; so
 * must a footnote, the reference its ↩ leads back to, and an anchor the
 * author wrote (added to a copy of the April issue: the sample has none).
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { servedSampleCopy } from "../helpers/served-copy.js";

/** The least room (px) between the window's top and an arrived-at target. */
const LEAST_ROOM = 12;
const TARGETS = [
  "issues/2011-04/#バージョン互換情報", // an h2 from the contents list
  "en/issues/2011-04/#stonith-plugins", // an h3
  "issues/2011-04/#stonith-hp-ilo3", // a block
  "issues/2011-04/#stonith-hp-ilo3-title", // a block's title, where a search sub-result leads
  "issues/2011-04/#user-content-fn-plan", // a footnote, from its reference
  "issues/2011-04/#user-content-fnref-plan", // the reference, from the footnote's ↩
  "issues/2011-04/#user-content-plan-note", // an anchor the author wrote in raw HTML
];

const FIRST_LINE = "今回は次の 2 本立てです。";

const site = servedSampleCopy("gekkan-fragment-targets-", async (root) => {
  const file = join(root, "content/issues/2011/2011-04.md");
  const text = await readFile(file, "utf8");
  if (!text.includes(FIRST_LINE)) throw new Error(`test bug: the April issue no longer has "${FIRST_LINE}"`);
  await writeFile(file, `${text.replace(FIRST_LINE, `<a id="plan-note"></a>${FIRST_LINE}[^plan]`)}\n[^plan]: 二本立ての脚注です。\n`);
});

describe("a fragment target arrives with room above it", () => {
  it.each([390, 1280])("at %i px", async (width) => {
    const room: Record<string, number> = {};
    await site.withPage({ width, height: 600 }, async (page) => {
      for (const target of TARGETS) {
        // From elsewhere, as a reader arrives: a hash change on the same page is no load.
        await page.goto("about:blank");
        await site.open(page, target);
        await page.waitForLoadState("networkidle");
        room[target] = await page.evaluate(() => {
          const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
          // A block's title is drawn inside its block: the block's border is what must show.
          const box = (el?.closest(".block") ?? el)?.getBoundingClientRect();
          return box === undefined ? -1 : Math.round(box.top);
        });
      }
    });
    const tight = Object.entries(room).filter(([, top]) => top < LEAST_ROOM).map(([target, top]) => `${target}: ${top}px`);
    expect(tight).toEqual([]);
  });
});
