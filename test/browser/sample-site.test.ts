/**
 * The sample site built once with base /gekkan/, served under /gekkan/ by
 * test/helpers/static-server.ts, and checked the way readers meet it:
 * link crawl (fragments included), Nu Html Checker on every page, axe-core
 * in Chromium in light and dark mode, Pagefind search through HTTP, and
 * screenshots at phone and desktop widths (written to test-results/).
 */
import { mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";

import { formatAxeViolations, runAxe } from "../helpers/axe.js";
import { pageHelpers } from "../helpers/site-page.js";
import { launchChromium } from "../helpers/browser.js";
import { crawlSite, formatBrokenLinks } from "../helpers/crawl.js";
import { serveDir, type StaticServer } from "../helpers/static-server.js";
import { formatVnuErrors, validateHtml } from "../helpers/vnu.js";
import { BASE, SITE_URL, buildSampleSite, routeOf, type SampleSite } from "../helpers/sample-build.js";

const RESULTS_DIR = resolve("test-results");
type Scheme = "light" | "dark";
const SCHEMES: readonly Scheme[] = ["light", "dark"];

/** One page of each type; the 404 is reached through a URL that does not exist. */
const PAGE_TYPES: ReadonlyArray<{ name: string; path: string; status: number }> = [
  { name: "index", path: "", status: 200 },
  { name: "issue (ja)", path: "issues/2011-04/", status: 200 },
  { name: "issue (ja, untranslated)", path: "issues/2011-05/", status: 200 },
  { name: "issue (en translation)", path: "en/issues/2011-04/", status: 200 },
  { name: "index (en)", path: "en/", status: 200 },
  { name: "releases (en)", path: "en/releases/", status: 200 },
  { name: "stonith (en)", path: "en/stonith/", status: 200 },
  { name: "search (en)", path: "en/search/", status: 200 },
  { name: "archive", path: "archive/", status: 200 },
  { name: "archive year", path: "archive/2011/", status: 200 },
  { name: "releases", path: "releases/", status: 200 },
  { name: "compat", path: "compat/", status: 200 },
  { name: "stonith", path: "stonith/", status: 200 },
  { name: "components", path: "components/", status: 200 },
  { name: "component", path: "components/pacemaker/", status: 200 },
  { name: "search", path: "search/", status: 200 },
  { name: "404", path: "no-such-page/", status: 404 },
];

let site: SampleSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildSampleSite();
  server = await serveDir(site.out, { basePath: BASE });
  browser = await launchChromium();
  await mkdir(RESULTS_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

const { withPage, open, search } = pageHelpers(() => browser, () => server);

describe("links", () => {
  it("crawling from the home page reaches every generated page", async () => {
    const result = await crawlSite(server.origin, BASE);
    const crawled = result.pages.map((u) => new URL(u).pathname).sort();
    const expected = site.htmlFiles.filter((f) => f !== "404.html").map((f) => BASE + routeOf(f)).sort();
    expect(crawled).toEqual(expected);
    expect(result.truncated).toBe(false);
  });

  it("has zero broken URLs (pages, styles, scripts, feeds, data, #fragments)", async () => {
    const extra = ["404.html", "feed.xml", "rss.xml", "feed.json", "en/feed.xml", "en/rss.xml", "en/feed.json", "sitemap.xml", "robots.txt", "data/releases.json", "data/compat.json", "data/stonith.json"];
    const result = await crawlSite(server.origin, BASE, { checkFragments: true, extraStartPaths: extra.map((p) => BASE + p) });
    expect(formatBrokenLinks(result.broken, server.origin)).toBe("");
    const fetched = [...result.statuses.keys()].map((u) => new URL(u).pathname);
    // The crawl really followed stylesheets, the search page's script and every feed link.
    expect(fetched).toEqual(
      expect.arrayContaining([`${BASE}assets/style.css`, `${BASE}pagefind/pagefind-ui.js`, `${BASE}pagefind/pagefind-ui.css`, `${BASE}feed.xml`, `${BASE}rss.xml`, `${BASE}feed.json`, `${BASE}components/pacemaker/feed.xml`]),
    );
    expect([...result.statuses.values()].every((s) => s === 200)).toBe(true);
  });

  it("every absolute site URL inside feeds, sitemap, robots.txt and data files resolves", async () => {
    const files = ["feed.xml", "rss.xml", "feed.json", "en/feed.xml", "en/rss.xml", "en/feed.json", "sitemap.xml", "robots.txt", "data/releases.json", "data/compat.json", "data/stonith.json", ...site.htmlFiles.filter((f) => /^(?:en\/)?components\/[^/]+\/index\.html$/.test(f)).map((f) => `${routeOf(f)}feed.xml`)];
    const urls = new Map<string, string>();
    for (const file of files) {
      const body = await readFile(join(site.out, file), "utf8");
      // JSON escapes "/" as "\/" only if asked; undo it to be safe.
      for (const m of body.replace(/\\\//g, "/").matchAll(/https:\/\/gekkan\.example\/[^\s"'<>\\)\]]*/g)) urls.set(m[0], file);
    }
    expect(urls.size).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const [url, file] of urls) {
      expect(url.startsWith(SITE_URL), `${url} (in ${file}) is outside the base path`).toBe(true);
      const local = new URL(url.slice(SITE_URL.length).replace(/&amp;/g, "&"), server.url(""));
      const fragment = decodeURIComponent(local.hash.slice(1));
      local.hash = "";
      const res = await fetch(local);
      const text = await res.text();
      if (res.status !== 200) broken.push(`${url} (in ${file}): HTTP ${res.status}`);
      else if (fragment && !text.includes(`id="${fragment}"`)) broken.push(`${url} (in ${file}): no element with id="${fragment}"`);
    }
    expect(broken).toEqual([]);
  });
});

describe("Nu Html Checker", () => {
  it("finds zero errors in every generated HTML page", async () => {
    const files = site.htmlFiles.map((f) => join(site.out, f));
    expect(files.length).toBeGreaterThanOrEqual(PAGE_TYPES.length);
    const results = await validateHtml(files);
    expect([...results.keys()].sort()).toEqual([...files].sort());
    expect(formatVnuErrors(results, site.out)).toBe("");
  });
});

describe("axe-core (serious and critical), light and dark", () => {
  it("dark mode really switches the palette", async () => {
    const colors: Record<string, string> = {};
    for (const scheme of SCHEMES) {
      colors[scheme] = await withPage({ scheme }, async (page) => {
        await open(page, "");
        return page.evaluate(() => `${getComputedStyle(document.body).backgroundColor} / ${getComputedStyle(document.body).color}`);
      });
    }
    expect(colors).toEqual({ light: "rgb(253, 252, 249) / rgb(31, 35, 40)", dark: "rgb(21, 23, 26) / rgb(230, 232, 235)" });
  });

  it.each(PAGE_TYPES)("$name", async ({ path, status }) => {
    const report: string[] = [];
    for (const scheme of SCHEMES) {
      await withPage({ scheme, expectedStatus: status }, async (page) => {
        await open(page, path, status);
        report.push(formatAxeViolations(await runAxe(page), `${scheme} /${path}`));
        if (path === "search/") {
          // Also check the UI once it shows results (Pagefind renders them client-side).
          await page.fill(".pagefind-ui__search-input", "pacemaker");
          await page.waitForSelector(".pagefind-ui__result-link");
          report.push(formatAxeViolations(await runAxe(page), `${scheme} /${path} with results`));
        }
      });
    }
    expect(report.filter((r) => r !== "").join("\n")).toBe("");
  });
});

describe("search (Pagefind over HTTP)", () => {
  it('"riloe" finds every issue that names it, in both languages: one index for the whole site', async () => {
    // riloe is discussed in April (ja), its English translation and May (ja); each edition lists its own language unless the box for all is ticked.
    const found = [`${BASE}en/issues/2011-04/`, `${BASE}issues/2011-04/`, `${BASE}issues/2011-05/`];
    expect(await search("riloe", "search/", true)).toEqual(found);
    // The English edition's search page searches the same index.
    expect(await search("riloe", "en/search/", true)).toEqual(found);
  });

  it("a Japanese word used only in the April issue finds exactly that issue", async () => {
    // バックポート appears in 2011-04 (Japanese) and not in its English translation or in May.
    expect(await site.read("issues/2011-04/index.html")).toContain("バックポート");
    expect(await site.read("en/issues/2011-04/index.html")).not.toContain("バックポート");
    expect(await site.read("issues/2011-05/index.html")).not.toContain("バックポート");
    expect(await search("バックポート")).toEqual([`${BASE}issues/2011-04/`]);
  });

  it("an English word used only in the English translation finds exactly that page", async () => {
    expect(await search("caught", "en/search/")).toEqual([`${BASE}en/issues/2011-04/`]);
  });

  it("never finds the draft", async () => {
    // フォローアップ only occurs in the unpublished 2011-06 draft.
    expect(await search("フォローアップ")).toEqual([]);
  });
});

describe("rendering and screenshots", () => {
  const SHOTS: ReadonlyArray<{ name: string; path: string }> = [
    { name: "index", path: "" },
    { name: "issue-ja", path: "issues/2011-04/" },
  ];

  for (const { name, path } of SHOTS) {
    for (const width of [375, 1280]) {
      it(`${name} at ${width}px: no horizontal overflow, CJK font, screenshots (light + dark)`, async () => {
        for (const scheme of SCHEMES) {
          await withPage({ width, height: 800, scheme }, async (page) => {
            await open(page, path);
            const overflow = await page.evaluate(() => {
              const vw = document.documentElement.clientWidth;
              const wide: string[] = [];
              for (const el of document.querySelectorAll("body *")) {
                // Content inside a scroll container may be wider than the viewport.
                if (el.closest(".table-scroll, pre")) continue;
                const r = el.getBoundingClientRect();
                if (r.width > 0 && r.right > vw + 1) wide.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`);
              }
              return { scrollWidth: document.documentElement.scrollWidth, vw, wide: wide.slice(0, 10) };
            });
            expect(overflow.wide, `${name} ${width}px ${scheme}`).toEqual([]);
            expect(overflow.scrollWidth, `${name} ${width}px ${scheme}`).toBeLessThanOrEqual(overflow.vw);

            const cdp = await page.context().newCDPSession(page);
            await cdp.send("DOM.enable");
            await cdp.send("CSS.enable");
            const { root } = await cdp.send("DOM.getDocument");
            const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: path === "" ? ".site-title a" : "h1" });
            const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
            await cdp.detach();
            expect(fonts.map((f) => f.familyName).join(", "), "fonts used for the Japanese title").toMatch(/CJK|JP/);

            const file = join(RESULTS_DIR, `site-${name}-${width}-${scheme}.png`);
            await page.screenshot({ path: file, fullPage: true });
            expect((await readFile(file)).subarray(1, 4).toString()).toBe("PNG");
          });
        }
      });
    }
  }
});
