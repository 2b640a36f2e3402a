/**
 * Phones. The sample site plus the wide-table fixture issue (a 7-column
 * table, long words, a long plugin name, a table in a Q&A answer, and here
 * a photo 1600 px wide from public/) is built with search and served over
 * HTTP; EVERY built page is opened at 375 px in
 * real Chromium, light and dark, and must not scroll sideways. Then the
 * pieces that make that true: the tables' own scroll boxes (focusable,
 * labelled, scrolled by keyboard, a hint only when they overflow), the
 * folded contents box, print sizes, search without JavaScript, and axe and
 * the Nu Html Checker on this build.
 */
import { appendFile, cp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatAxeViolations, runAxe } from "../helpers/axe.js";
import { pageOverflow } from "../helpers/site-page.js";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { formatVnuErrors, validateHtml } from "../helpers/vnu.js";
import { fixtureInput } from "../helpers/fixtures.js";
import { routeOf } from "../helpers/sample-build.js";
import { pngFile } from "../helpers/image-files.js";

const PHONE = 375;
const WIDE_ISSUE = "issues/2011-07/";
const SCHEMES = ["light", "dark"] as const;

// email.html is a message, not a page of the site (test/email/ opens it at 375 px with the network cut off).
/** The photo's size in pixels: four times as wide as it is high, over four times a phone's width. */
const PHOTO = { width: 1600, height: 400 };

async function prepare(root: string): Promise<void> {
  await cp(join(fixtureInput("wide-table"), "content"), join(root, "content"), { recursive: true });
  await writeFile(join(root, "public", "images", "wide-photo.png"), pngFile(PHOTO.width, PHOTO.height));
  // After the sample's diagram: the page's second image, which is lazy.
  await appendFile(join(root, "content", "issues", "2011", "2011-07.md"), "\n![構成図](/images/linux-ha-stack.svg)\n\n![横長の写真](/images/wide-photo.png)\n");
}

const site = servedSampleCopy("gekkan-phones-", prepare, (page) => !page.endsWith("/email.html"));
const { withPage, open } = site;

describe("no page scrolls sideways at 375 px", () => {
  it("the build has every kind of page, the wide-table issue among them", () => {
    expect(site.pages).toEqual(expect.arrayContaining(["index.html", "404.html", "issues/2011-04/index.html", `${WIDE_ISSUE}index.html`, "releases/index.html", "stonith/index.html", "compat/index.html", "search/index.html", "archive/index.html", "components/pacemaker/index.html", "en/index.html", "en/issues/2011-04/index.html", "en/releases/index.html"]));
    expect(site.pages.length).toBeGreaterThan(20);
  });

  it.each(SCHEMES)("every built page, %s", async (scheme) => {
    const report: string[] = [];
    await withPage({ width: PHONE, height: 800, scheme }, async (page) => {
      for (const file of site.pages) {
        const path = routeOf(file);
        await open(page, path);
        // Let the icon and the like finish loading: moving on would abort them (and fail the error check).
        await page.waitForLoadState("networkidle");
        const { scrollWidth, wide } = await pageOverflow(page, true);
        if (scrollWidth > PHONE) report.push(`/${path}: ${scrollWidth}px wide (${wide.join(", ")})`);
      }
      // Search results too: long titles and excerpts.
      await open(page, "search/");
      await page.fill(".pagefind-ui__search-input", "pacemaker");
      await page.waitForSelector(".pagefind-ui__result-link");
      const { scrollWidth } = await pageOverflow(page, true);
      if (scrollWidth > PHONE) report.push(`/search/ with results: ${scrollWidth}px wide`);
    });
    expect(report).toEqual([]);
  });

  it("the check can fail: the same 7-column table without its scroll box widens the page", async () => {
    await withPage({ width: PHONE, height: 800 }, async (page) => {
      await open(page, WIDE_ISSUE);
      expect((await pageOverflow(page, true)).scrollWidth).toBeLessThanOrEqual(PHONE);
      await page.evaluate(() => document.querySelectorAll(".table-scroll").forEach((box) => box.replaceWith(...box.childNodes)));
      expect((await pageOverflow(page, true)).scrollWidth).toBeGreaterThan(PHONE);
    });
  });
});

describe("an issue's photo from public/, 1600 px wide, on a phone", () => {
  const PHOTO_SELECTOR = 'img[alt="横長の写真"]';

  /** The photo's box on the page, and whether it has arrived. */
  const photoBox = (page: Page) => page.$eval(PHOTO_SELECTOR, (img) => {
    const box = img.getBoundingClientRect();
    return { width: box.width, height: box.height, loaded: (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, column: img.parentElement?.clientWidth ?? 0 };
  });

  it("fits the column, its proportions kept", async () => {
    await withPage({ width: PHONE, height: 800 }, async (page) => {
      await open(page, WIDE_ISSUE);
      await page.locator(PHOTO_SELECTOR).scrollIntoViewIfNeeded();
      await expect.poll(async () => (await photoBox(page)).loaded).toBe(true);
      const box = await photoBox(page);
      expect(box.width).toBeLessThanOrEqual(box.column);
      expect(box.width).toBeGreaterThan(PHONE / 2);
      expect(Math.abs(box.height - (box.width * PHOTO.height) / PHOTO.width)).toBeLessThan(1);
      expect((await pageOverflow(page, true)).scrollWidth).toBeLessThanOrEqual(PHONE);
      // The check can fail: without the stylesheet's max-width, the photo's own 1600 px widen the page.
      await page.$eval(PHOTO_SELECTOR, (img) => ((img as HTMLElement).style.maxWidth = "none"));
      expect((await pageOverflow(page, true)).scrollWidth).toBeGreaterThan(PHONE);
    });
  });

  it("has its box reserved while the image is still on its way, so the text below does not move when it comes", async () => {
    await withPage({ width: PHONE, height: 800 }, async (page) => {
      const held: Route[] = [];
      await page.route("**/images/wide-photo.png", (route) => void held.push(route));
      await open(page, WIDE_ISSUE);
      // Lazy: asked for only as the reader nears it.
      expect(held).toEqual([]);
      await page.locator(PHOTO_SELECTOR).scrollIntoViewIfNeeded();
      await expect.poll(() => held.length).toBe(1);
      const waiting = await photoBox(page);
      expect(waiting.loaded).toBe(false);
      expect(Math.abs(waiting.height - (waiting.width * PHOTO.height) / PHOTO.width)).toBeLessThan(1);
      expect(waiting.height).toBeGreaterThan(50);
      // The check can fail: without the width and height gekkan wrote, nothing is reserved until the image arrives.
      const bare = await page.$eval(PHOTO_SELECTOR, (img) => {
        img.removeAttribute("width");
        img.removeAttribute("height");
        return img.getBoundingClientRect().height;
      });
      expect(bare).toBeLessThan(25);
      for (const route of held) await route.continue();
    });
  });
});

describe("a Markdown table in its scroll box", () => {
  it("is reached with Tab, is a labelled region, and scrolls with the arrow keys", async () => {
    await withPage({ width: PHONE, height: 800 }, async (page) => {
      await open(page, WIDE_ISSUE);
      let focused = { role: "", label: "", box: false };
      for (let i = 0; i < 60 && !focused.box; i++) {
        await page.keyboard.press("Tab");
        focused = await page.evaluate(() => {
          const el = document.activeElement;
          return { role: el?.getAttribute("role") ?? "", label: el?.getAttribute("aria-label") ?? "", box: el?.classList.contains("table-scroll") === true };
        });
      }
      expect(focused).toEqual({ role: "region", label: "表: コンポーネント / 主な開発者（所属） / 対応バージョン / 設定ファイル / STONITH プラグイン / 対応ハードウェア / 備考", box: true });
      const before = await page.evaluate(() => document.activeElement?.scrollLeft ?? -1);
      for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
      await expect.poll(() => page.evaluate(() => document.activeElement?.scrollLeft ?? -1)).toBeGreaterThan(before);
    });
  });

  it("says it scrolls while it overflows, and nothing when it fits", async () => {
    await withPage({ width: PHONE, height: 800 }, async (page) => {
      await open(page, WIDE_ISSUE);
      const boxes = await page.$$eval(".issue-body .table-scroll", (els) =>
        els.map((el) => ({ overflows: el.scrollWidth > el.clientWidth, hint: parseFloat(getComputedStyle(el, "::before").height) || 0, text: getComputedStyle(el, "::before").content })),
      );
      // The 7-column table and the Q&A's table overflow; the two-column one fits.
      expect(boxes.map((b) => b.overflows)).toEqual([true, false, true]);
      expect(boxes.map((b) => b.hint > 5)).toEqual([true, false, true]);
      expect(boxes[0]?.text).toContain("横にスクロール");
    });
  });

  it("no cell is squeezed to one character per line", async () => {
    await withPage({ width: PHONE, height: 800 }, async (page) => {
      await open(page, WIDE_ISSUE);
      const squeezed = await page.$$eval(".issue-body .table-scroll :is(th, td)", (cells) =>
        cells.flatMap((cell) => {
          const chars = [...(cell.textContent ?? "").replace(/\s/g, "")].length;
          const range = document.createRange();
          range.selectNodeContents(cell);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
          return chars >= 4 && lines * 2 > chars ? [`${cell.textContent}: ${lines} lines for ${chars} characters`] : [];
        }),
      );
      expect(squeezed).toEqual([]);
    });
  });

  it("plugin names do not break at the hyphen", async () => {
    await withPage({ width: PHONE, height: 800 }, async (page) => {
      for (const path of [WIDE_ISSUE, "stonith/", "issues/2011-04/"]) {
        await open(page, path);
        await page.waitForLoadState("networkidle");
        const broken = await page.$$eval(".plugin-name", (codes) => codes.filter((c) => c.getClientRects().length > 1).map((c) => c.textContent));
        expect(broken, path).toEqual([]);
        expect(await page.locator(".plugin-name").count(), path).toBeGreaterThan(0);
      }
    });
  });
});

describe("reference tables on a phone", () => {
  it.each(["releases/", "stonith/"])("%s shows its last column or says that it scrolls", async (path) => {
    await withPage({ width: PHONE, height: 800 }, async (page) => {
      await open(page, path);
      const state = await page.$eval(".table-scroll", (box) => {
        const last = box.querySelector("thead th:last-child")?.getBoundingClientRect();
        const cut = last !== undefined && last.right > box.getBoundingClientRect().right + 1;
        return { cut, hint: parseFloat(getComputedStyle(box, "::before").height) || 0, focusable: box.getAttribute("tabindex") === "0" && box.hasAttribute("aria-label") };
      });
      expect(state.focusable).toBe(true);
      if (state.cut) expect(state.hint).toBeGreaterThan(5);
    });
  });
});

describe("the issue's contents box", () => {
  it("is one list, folded on a phone (one tap opens it) and open on a wide screen", async () => {
    for (const [width, openAtStart] of [[PHONE, false], [1280, true]] as const) {
      await withPage({ width, height: 800 }, async (page) => {
        await open(page, "issues/2011-04/");
        expect(await page.locator(".issue-toc .toc-list").count()).toBe(1);
        const firstLink = page.locator(".issue-toc .toc-list a").first();
        expect(await firstLink.isVisible(), `${width}px`).toBe(openAtStart);
        if (!openAtStart) {
          expect((await page.locator(".issue-toc").boundingBox())?.height ?? 999).toBeLessThan(80);
          await page.locator(".issue-toc > summary").click();
          expect(await firstLink.isVisible()).toBe(true);
        }
      });
    }
  });

  it("prints no larger than the body text", async () => {
    await withPage({ width: 1280, height: 800 }, async (page) => {
      await open(page, "issues/2011-04/");
      await page.emulateMedia({ media: "print" });
      const sizes = await page.evaluate(() => ({
        toc: parseFloat(getComputedStyle(document.querySelector(".toc-list a")!).fontSize),
        body: parseFloat(getComputedStyle(document.querySelector(".issue-body > p")!).fontSize),
        tocShown: (document.querySelector(".toc-list a") as HTMLElement).getClientRects().length > 0,
      }));
      expect(sizes.tocShown).toBe(true);
      expect(sizes.toc).toBeLessThanOrEqual(sizes.body);
    });
  });
});

describe("search", () => {
  it("without JavaScript, the message sits right under the heading", async () => {
    const context = await site.browser.newContext({ viewport: { width: PHONE, height: 800 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(site.server.url("search/"));
      const gap = await page.evaluate(() => {
        const h1 = document.querySelector("h1")!.getBoundingClientRect().bottom;
        const message = [...document.querySelectorAll("main p")].find((p) => (p as HTMLElement).offsetParent !== null)!.getBoundingClientRect().top;
        return message - h1;
      });
      expect(gap).toBeLessThan(60);
    } finally {
      await context.close();
    }
  });

  it("result titles look like links, the placeholder is readable, and excerpts start on a word", async () => {
    await withPage({ width: PHONE, height: 800 }, async (page) => {
      await open(page, "search/");
      const placeholder = await page.$eval(".pagefind-ui__search-input", (input) => {
        const style = getComputedStyle(input, "::placeholder");
        return { opacity: style.opacity, color: style.color };
      });
      expect(placeholder.opacity).toBe("1");
      await page.fill(".pagefind-ui__search-input", "pacemaker");
      // Pagefind UI shows a placeholder title and excerpt (class pagefind-ui__loading) for each result until its fragment loads.
      await page.waitForSelector(".pagefind-ui__result-title .pagefind-ui__result-link");
      await page.waitForFunction(() => document.querySelector(".pagefind-ui__result-title.pagefind-ui__loading, .pagefind-ui__result-excerpt.pagefind-ui__loading") === null);
      const title = await page.$eval(".pagefind-ui__result-title .pagefind-ui__result-link", (a) => {
        const style = getComputedStyle(a);
        return { underline: style.textDecorationLine, color: style.color, link: getComputedStyle(document.querySelector(".site-header nav a:not([aria-current])")!).color };
      });
      expect(title.underline).toBe("underline");
      expect(title.color).toBe(title.link);
      const excerpts = await page.$$eval(".pagefind-ui__result-excerpt", (els) => els.map((e) => e.textContent ?? ""));
      expect(excerpts.length).toBeGreaterThan(2);
      // Each starts at the text's beginning or with "…" and then a word, never with a cut label or stray punctuation.
      for (const excerpt of excerpts) expect(excerpt, excerpt).toMatch(/^…?[\p{L}\p{N}]/u);
    });
  });
});

describe("this build is clean", () => {
  it("axe (serious, critical) on the wide-table issue, the English edition (its issue, with the language switch, and its home) and the reference pages, phone width, light and dark", async () => {
    const report: string[] = [];
    for (const scheme of SCHEMES) {
      await withPage({ width: PHONE, height: 800, scheme }, async (page) => {
        // The pages this work changed most; sample-site.test.ts runs axe on every page type at desktop width.
        for (const path of [WIDE_ISSUE, "en/issues/2011-04/", "en/", "releases/", "stonith/", "compat/"]) {
          await open(page, path);
          await page.waitForLoadState("networkidle");
          report.push(formatAxeViolations(await runAxe(page), `${scheme} /${path}`));
        }
      });
    }
    expect(report.filter((r) => r !== "").join("\n")).toBe("");
  });

  it("the Nu Html Checker finds no errors in any page", async () => {
    const files = site.pages.map((p) => join(site.out, p));
    expect(formatVnuErrors(await validateHtml(files), site.out)).toBe("");
  });
});
