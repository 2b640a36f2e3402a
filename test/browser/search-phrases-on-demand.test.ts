/**
 * The search page's Japanese phrase scorer (/assets/budoux-ja.js, 21 KB)
 * is fetched only when a result whose excerpt needs it is about to be
 * shown: not for a reader who opens the page and does not search, nor for
 * a search whose results are all English. Once fetched it serves every
 * later search; until it is there, such an excerpt is held (not shown
 * untrimmed), and if it cannot be had the excerpt is shown untrimmed
 * without a script error. The sample site built under the base path
 * /gekkan/, real Pagefind index, real Chromium; requests are watched in
 * Chromium, and the failing scorer is the network answering 404.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.js";
import { BASE, buildSampleSite, type SampleSite } from "../helpers/sample-build.js";
import { CUT_PHRASE, PHRASE_EXCERPTS, PHRASE_TERMS, shownExcerpts, waitForExcerpts } from "../helpers/search-excerpts.js";
import { pageHelpers } from "../helpers/site-page.js";
import { serveDir, type StaticServer } from "../helpers/static-server.js";

let site: SampleSite;
let server: StaticServer;
let browser: Browser;
const { withPage, open } = pageHelpers(() => browser, () => server);

beforeAll(async () => {
  site = await buildSampleSite();
  server = await serveDir(site.out, { basePath: BASE });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

/** Every request the page makes for the scorer from now on, at whatever address (one that forgot the base path counts too). */
function scorerRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.endsWith("/budoux-ja.js")) seen.push(r.url());
  });
  return seen;
}

/** Searches `term` on the open search page and returns the excerpts once the reader can see them all. */
async function searchFor(page: Page, term: string) {
  await page.fill(".pagefind-ui__search-input", term);
  await waitForExcerpts(page, term);
  return shownExcerpts(page);
}

describe("the phrase scorer is fetched on demand", () => {
  it.each(["search/", "en/search/"])("opening /%s and not searching fetches no scorer", async (path) => {
    await withPage({}, async (page) => {
      const requests = scorerRequests(page);
      await open(page, path);
      await page.waitForLoadState("networkidle");
      expect(requests).toEqual([]);
    });
  });

  it("a search whose results are all English fetches no scorer", async () => {
    await withPage({}, async (page) => {
      const requests = scorerRequests(page);
      await open(page, "en/search/");
      const shown = await searchFor(page, "caught");
      await page.waitForLoadState("networkidle");
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.map((e) => e.lang)).toEqual(shown.map(() => "en"));
      expect(requests).toEqual([]);
    });
  });

  it("Japanese results fetch it once, from under the base path, and their excerpts start on a phrase", async () => {
    await withPage({}, async (page) => {
      const requests = scorerRequests(page);
      await open(page, "search/");
      const shown = [];
      for (const term of PHRASE_TERMS) shown.push(...(await searchFor(page, term)));
      const japanese = shown.filter((e) => e.lang === "ja").map((e) => e.text);
      expect(japanese).toEqual(expect.arrayContaining([...PHRASE_EXCERPTS]));
      expect(japanese.filter((text) => CUT_PHRASE.test(text))).toEqual([]);
      expect(requests).toEqual([server.url("assets/budoux-ja.js")]);
    });
  });

  it("while the scorer is on its way, an excerpt that needs it is held, never shown cut", async () => {
    await withPage({}, async (page) => {
      let letThrough = () => {};
      const held = new Promise<void>((resolve) => (letThrough = resolve));
      await page.route("**/budoux-ja.js", async (route) => {
        await held;
        await route.continue();
      });
      await open(page, "search/");
      const asked = page.waitForRequest((r) => r.url().endsWith("/budoux-ja.js"));
      await page.fill(".pagefind-ui__search-input", "予定");
      await asked;
      await page.waitForFunction(() => document.querySelectorAll(".pagefind-ui__result").length > 0 && document.querySelector(".pagefind-ui__loading") === null);
      const waiting = (await shownExcerpts(page)).filter((e) => e.lang === "ja");
      // Held: in the page (its room kept) but not shown; and nothing the reader can see starts mid-phrase.
      expect(waiting.filter((e) => e.seen.trim() === "" && e.text !== "").length).toBeGreaterThan(0);
      expect(waiting.filter((e) => CUT_PHRASE.test(e.seen)).map((e) => e.seen)).toEqual([]);
      letThrough();
      await waitForExcerpts(page, "予定");
      expect((await shownExcerpts(page)).map((e) => e.seen)).toContain("…号で比べてみる予定です。…");
    });
  });

  it("a scorer that never arrives holds the excerpt for a moment only, then shows it untrimmed", async () => {
    await withPage({}, async (page) => {
      // The network stalls: the request is never answered (the route is left pending until the page closes).
      await page.route("**/budoux-ja.js", () => new Promise<void>(() => {}));
      await open(page, "search/");
      const started = Date.now();
      expect((await searchFor(page, "予定")).map((e) => e.seen)).toContain("…の号で比べてみる予定です。…");
      // The wait is bounded by the page (3 s), well inside the test's own timeout.
      expect(Date.now() - started).toBeLessThan(15_000);
    });
  });

  it("if the scorer cannot be had, the excerpt is shown untrimmed, with no script error, and not asked for again", async () => {
    const url = server.url("assets/budoux-ja.js");
    await withPage({ missingOnPurpose: url }, async (page) => {
      await page.route("**/budoux-ja.js", (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "not found" }));
      const requests = scorerRequests(page);
      await open(page, "search/");
      expect((await searchFor(page, "予定")).map((e) => e.seen)).toContain("…の号で比べてみる予定です。…");
      expect((await searchFor(page, "対応")).map((e) => e.seen)).toContain("…に対応していませんが、iLO3 は IPMI に…");
      expect(requests).toEqual([url]);
    });
  });
});
