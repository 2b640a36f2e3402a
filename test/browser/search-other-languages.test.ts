/**
 * Each edition's search page lists its own language's issues, so an English
 * reader searching a word only in a Japanese issue not yet translated saw
 * "No results" and nothing else. Under the results the page now says how
 * many the other languages have, when they have more than its own, with a
 * button that ticks the box "Also show issues in other languages". The
 * expected texts are written out here; the counts are from the sample's
 * sources: "lanplus" is only in the May issue (Japanese, not translated),
 * 「プラグイン」 only in the April and May issues (both Japanese), "caught"
 * only in April's English translation, STONITH in all three.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { formatAxeViolations, runAxe } from "../helpers/axe.js";

const site = servedSampleCopy("gekkan-search-other-languages-", async () => {});
// One issue per index part: April (issue 1, both languages) in pagefind/, May (issue 2) in pagefind/part-2/, merged in by the page.
const parts = servedSampleCopy("gekkan-search-other-languages-parts-", async (root) => {
  const configPath = join(root, "gekkan.config.json");
  writeFileSync(configPath, JSON.stringify({ ...(JSON.parse(readFileSync(configPath, "utf8")) as object), searchShardSize: 1 }));
});

const TITLE_LINK = ".pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link";
const LINE = "#search-others [role=status]";

/** Types `term` and returns Pagefind's message once its results are drawn. */
async function searchFor(page: Page, term: string): Promise<string> {
  await page.fill(".pagefind-ui__search-input", term);
  await page.waitForFunction((t) => document.querySelector(".pagefind-ui__results") !== null && (document.querySelector(".pagefind-ui__message")?.textContent ?? "").includes(t), term, { timeout: 10_000 });
  return page.$eval(".pagefind-ui__message", (el) => el.textContent ?? "");
}

/** The line under the results once it says `expected` (or, after a while, whatever it says). */
async function lineSays(page: Page, expected: string): Promise<string> {
  await page.waitForFunction(({ sel, want }) => document.querySelector(sel)?.textContent === want, { sel: LINE, want: expected }, { timeout: 5_000 }).catch(() => undefined);
  return page.$eval(LINE, (el) => el.textContent ?? "");
}

/** The pages listed once `count` are drawn, sorted. */
async function listed(page: Page, count: number): Promise<string[]> {
  await page.waitForFunction(({ n, link }) => document.querySelectorAll(link).length === n && document.querySelector(".pagefind-ui__loading") === null, { n: count, link: TITLE_LINK }, { timeout: 10_000 });
  return page.$$eval(TITLE_LINK, (as) => as.map((a) => new URL(a.getAttribute("href") ?? "", location.href).pathname).sort());
}

describe("the line under the results says what the other languages have", () => {
  it.each([
    ["en/search/", "lanplus", "No results for lanplus", "No English results; 1 in another language.", "Show all languages"],
    ["en/search/", "プラグイン", "No results for プラグイン", "No English results; 2 in other languages.", "Show all languages"],
    ["en/search/", "STONITH", "1 result for STONITH", "2 more in other languages.", "Show all languages"],
    ["search/", "caught", "caughtの検索に一致する情報はありませんでした", "日本語の結果はありません。ほかの言語に1件あります。", "すべての言語で表示"],
  ] as const)("/%s, %s", async (path, term, message, line, button) => {
    await site.withPage({ width: 1280, height: 900 }, async (page) => {
      await site.open(page, path);
      // Pagefind's own count is of the issues listed, this page's language.
      expect(await searchFor(page, term)).toBe(message);
      expect(await lineSays(page, line)).toBe(line);
      // One live region, read by Chromium as a status with the line's words; the button beside it, named by its text.
      expect(await page.getByRole("status").count()).toBe(1);
      expect(await page.getByRole("status").textContent()).toBe(line);
      expect(await page.getByRole("button", { name: button }).isVisible()).toBe(true);
    });
  });

  it("says nothing where the page's own language has as many or more (/search/, STONITH: 2 Japanese, 1 English)", async () => {
    await site.withPage({ width: 1280, height: 900 }, async (page) => {
      await site.open(page, "search/");
      expect(await searchFor(page, "STONITH")).toBe("STONITHの2件の検索結果");
      // No event marks a count that found nothing to say: time for one (the line above comes in well under this).
      await page.waitForTimeout(1_000);
      expect(await page.$eval(LINE, (el) => el.textContent)).toBe("");
      expect(await page.getByRole("button", { name: "すべての言語で表示" }).count()).toBe(0);
    });
  });

  it("says nothing once the box is ticked, nor once the search box is cleared", async () => {
    await site.withPage({ width: 1280, height: 900 }, async (page) => {
      await site.open(page, "en/search/");
      await searchFor(page, "lanplus");
      expect(await lineSays(page, "No English results; 1 in another language.")).toBe("No English results; 1 in another language.");
      await page.fill(".pagefind-ui__search-input", "");
      expect(await lineSays(page, "")).toBe("");
      await page.check("#search-all-languages");
      await searchFor(page, "lanplus");
      expect(await listed(page, 1)).toEqual(["/issues/2011-05/"]);
      await page.waitForTimeout(1_000);
      expect(await page.$eval(LINE, (el) => el.textContent)).toBe("");
    });
  });
});

describe("its button is a keyboard control that ticks the box, and the page stays accessible", () => {
  it.each([
    [320, "light"],
    [1280, "dark"],
  ] as const)("/en/search/ at %i px, %s", async (width, scheme) => {
    await site.withPage({ width, height: 900, scheme }, async (page) => {
      await site.open(page, "en/search/");
      await searchFor(page, "プラグイン");
      await lineSays(page, "No English results; 2 in other languages.");
      expect(formatAxeViolations(await runAxe(page), `${scheme} /en/search/ at ${width} px, the line shown`)).toBe("");
      // From the search box, Tab reaches the button (the clear button comes first).
      await page.focus(".pagefind-ui__search-input");
      let reached = false;
      for (let i = 0; i < 5 && !reached; i++) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(() => document.activeElement?.closest("#search-others") !== null);
      }
      expect(reached, "Tab reaches the button").toBe(true);
      expect(await page.locator(":focus").ariaSnapshot()).toBe('- button "Show all languages"');
      await page.keyboard.press("Enter");
      // The box is ticked and has the focus; the Japanese issues are listed, and the line says nothing.
      expect(await page.locator(":focus").ariaSnapshot()).toBe('- checkbox "Also show issues in other languages" [checked]');
      expect(await listed(page, 2)).toEqual(["/issues/2011-04/", "/issues/2011-05/"]);
      expect(await lineSays(page, "")).toBe("");
      expect(formatAxeViolations(await runAxe(page), `${scheme} /en/search/ at ${width} px, all languages`)).toBe("");
    });
  });
});

describe("on a site whose index is in parts", () => {
  it.each([
    ["lanplus", "No English results; 1 in another language."],
    ["プラグイン", "No English results; 2 in other languages."],
  ] as const)("/en/search/, %s: the other languages' results of every part are counted", async (term, line) => {
    expect(existsSync(join(parts.out, "pagefind", "part-2", "pagefind-entry.json")), "May's part").toBe(true);
    await parts.withPage({ width: 1280, height: 900 }, async (page) => {
      await parts.open(page, "en/search/");
      await searchFor(page, term);
      expect(await lineSays(page, line)).toBe(line);
    });
  });
});
