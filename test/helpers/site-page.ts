import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import type { StaticServer } from "./static-server.js";

type Scheme = "light" | "dark";

/** Page helpers over one browser and one static server (getters: both are made in beforeAll). */
export function pageHelpers(browserOf: () => Browser, serverOf: () => StaticServer) {
  /**
   * Runs `fn` in a fresh context and fails on any script error, console error
   * or failed request (status >= 400), except the document itself when
   * `expectedStatus` says so (the 404 page). `leavesItself`: the URL of a page
   * that sends the reader on as it loads (an alias page), whose own load
   * Chromium may abort when the next page's begins. `missingOnPurpose`: the
   * URL of a file the test itself answers 404 (page.route), to see the page
   * do without it; that 404 alone is let through.
   */
  async function withPage<T>(options: { width?: number; height?: number; scheme?: Scheme; expectedStatus?: number; leavesItself?: string; missingOnPurpose?: string }, fn: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
    const context = await browserOf().newContext({
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      colorScheme: options.scheme ?? "light",
      locale: "ja-JP",
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`script error: ${e.message}`));
    page.on("console", (m) => {
      // Failed loads are reported below with their URL.
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(`console: ${m.text()}`);
    });
    // A load Chromium gave up itself (ERR_ABORTED: the favicon of a page left for the next one a test opens) is no fault of the
    // site; a file that is missing answers 404, reported below, and any other failure is still one.
    page.on("requestfailed", (r) => {
      const leftByItself = r.isNavigationRequest() && options.leavesItself !== undefined && r.url().split("#")[0] === options.leavesItself.split("#")[0];
      if (r.failure()?.errorText !== "net::ERR_ABORTED" || (r.isNavigationRequest() && !leftByItself)) errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`);
    });
    page.on("response", (r) => {
      const isDocument = r.request().isNavigationRequest() && r.request().frame() === page.mainFrame();
      const missing = r.status() === 404 && r.url() === options.missingOnPurpose;
      if (r.status() >= 400 && !(isDocument && r.status() === options.expectedStatus) && !missing) errors.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    try {
      const result = await fn(page, context);
      expect(errors, "errors while loading the page").toEqual([]);
      return result;
    } finally {
      await context.close();
    }
  }

  /** Loads a page, checks its status, waits for fonts (and Pagefind UI on the search page). */
  async function open(page: Page, path: string, status = 200): Promise<void> {
    const res = await page.goto(serverOf().url(path), { waitUntil: "load" });
    expect(res?.status(), path).toBe(status);
    if (path.endsWith("search/")) await page.waitForSelector(".pagefind-ui__search-input", { timeout: 15_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  }

  /**
   * Types `term` into Pagefind UI (on the search page at `path`) and returns the issue pages it lists (paths, no #fragment, sorted);
   * with `allLanguages`, after ticking the box that adds the other editions' issues (showAllLanguages).
   */
  async function search(term: string, path = "search/", allLanguages = false): Promise<string[]> {
    return withPage({}, async (page) => {
      const before = serverOf().requests.length;
      await open(page, path);
      if (allLanguages) await showAllLanguages(page);
      await page.fill(".pagefind-ui__search-input", term);
      const n = await shownCount(page);
      const top = await page.$$eval(".pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link", (as) => as.map((a) => a.getAttribute("href") ?? ""));
      expect(top.length).toBe(Math.min(n, 5));
      // Page links and sub-result (#heading) links alike.
      const links = await page.$$eval(".pagefind-ui__result-link", (as) => as.map((a) => a.getAttribute("href") ?? ""));
      const pagefindRequests = serverOf().requests.slice(before).filter((r) => r.path.startsWith(`${serverOf().basePath}pagefind/`));
      expect(pagefindRequests.length, "Pagefind loaded its index over HTTP").toBeGreaterThan(2);
      expect(pagefindRequests.filter((r) => r.status !== 200), "Pagefind requests that failed").toEqual([]);
      await expectLinksServed(links, serverOf().origin);
      return [...new Set(links.map((h) => new URL(h, serverOf().origin).pathname))].sort();
    });
  }

  return { withPage, open, search };
}

/**
 * On a search page of a site with translations, ticks the box that adds the
 * other languages' issues to the list (each edition lists its own by default).
 */
export async function showAllLanguages(page: Page): Promise<void> {
  await page.check("#search-all-languages");
}

/** The number of results Pagefind UI reports, once every result shown (up to 5) has loaded its title link. */
async function shownCount(page: Page): Promise<number> {
  const count = await page.waitForFunction(
    () => {
      const msg = document.querySelector(".pagefind-ui__message")?.textContent ?? "";
      // (Return objects: a bare 0 is falsy and would keep waitForFunction waiting.)
      // Pagefind UI speaks the page's language: Japanese, or English on /en/search/.
      if (msg.includes("一致する情報はありませんでした") || msg.startsWith("No results")) return { n: 0 };
      const m = /の(\d+)件の検索結果/.exec(msg) ?? /^(\d+) results? for/.exec(msg);
      if (!m) return false;
      const n = Number(m[1]);
      const loaded = document.querySelectorAll(".pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link").length;
      return loaded === Math.min(n, 5) ? { n } : false;
    },
    undefined,
    { timeout: 15_000 },
  );
  return ((await count.jsonValue()) as { n: number }).n;
}

/** Result links must work under the base path, #fragments included. */
async function expectLinksServed(links: readonly string[], origin: string): Promise<void> {
  for (const href of links) {
    const target = new URL(href, origin);
    const res = await fetch(target);
    expect(res.status, href).toBe(200);
    const html = await res.text();
    if (target.hash) expect(html, href).toContain(`id="${decodeURIComponent(target.hash.slice(1))}"`);
  }
}

/**
 * How wide a page is laid out (the larger of the root's and the body's
 * scroll width) and the first elements sticking out past the viewport, for
 * the failure message; `skipScrollBoxes` leaves out those inside a box that
 * scrolls on its own (`.table-scroll`, `pre`), where sticking out is meant.
 */
export async function pageOverflow(page: Page, skipScrollBoxes: boolean): Promise<{ scrollWidth: number; wide: string[] }> {
  return page.evaluate((skip) => {
    const vw = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => !(skip && el.closest(".table-scroll, pre")) && el.getBoundingClientRect().right > vw + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth), wide };
  }, skipScrollBoxes);
}
