/**
 * Titles that wrap. Japanese breaks between any two characters, so a title
 * a little wider than the screen left its last character alone on a line:
 * 「バージョン互換メ／モ」 on the home page, 「STONITH プラグイン対応／表」,
 * 「置くノー／ド」 in an issue's heading, 「DRBD／MC」 on a component page.
 * Every heading, the previous/next issue links and the contents entries are
 * opened at phone and tablet widths; one that wraps must end in a line of at
 * least three characters. The oracle is Chromium's layout: where each
 * character is drawn (a line starts where the next character is drawn to the
 * left of the one before).
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { servedSampleCopy } from "../helpers/served-copy.js";

const SHORTEST_LAST_LINE = 3;
const WIDTHS = [320, 375, 768];
const PAGES = ["", "issues/2011-04/", "issues/2011-05/", "en/issues/2011-04/", "archive/2011/", "stonith/", "releases/", "compat/", "components/drbd-mc/", "components/linux-ha/"];
const TITLES = "h1, h2, h3, h4, .issue-pager a, .toc-list a";

const site = servedSampleCopy("gekkan-title-lines-", async () => {});

/** Each title's text as drawn, one string per line, for every title that is drawn. */
function titleLines(page: Page): Promise<string[][]> {
  return page.$$eval(TITLES, (titles) =>
    titles.map((title) => {
      const lines: string[] = [];
      let previousLeft = Infinity;
      const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (rect === undefined || rect.width === 0) continue;
          if (rect.left < previousLeft - 1 || lines.length === 0) lines.push(text[i] ?? "");
          else lines.push(`${lines.pop() ?? ""}${text[i] ?? ""}`);
          previousLeft = rect.left;
        }
      }
      return lines.map((line) => line.trim()).filter((line) => line !== "");
    }),
  );
}

describe("a title that wraps does not end in a line of one or two characters", () => {
  it.each(WIDTHS)("at %i px", async (width) => {
    const short: string[] = [];
    let wrapped = 0;
    await site.withPage({ width, height: 800 }, async (page) => {
      for (const path of PAGES) {
        await site.open(page, path);
        // Let the icon finish loading: moving on would abort it (and fail the error check).
        await page.waitForLoadState("networkidle");
        // The contents box is folded on a phone; a reader who opens it sees its entries.
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        for (const lines of await titleLines(page)) {
          if (lines.length < 2) continue;
          wrapped++;
          const last = lines[lines.length - 1] ?? "";
          if ([...last].length < SHORTEST_LAST_LINE) short.push(`/${path}: ${lines.join(" | ")}`);
        }
      }
    });
    // The check has titles to look at: at every width, some wrap.
    expect(wrapped).toBeGreaterThan(3);
    expect(short).toEqual([]);
  });
});
