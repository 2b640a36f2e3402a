/**
 * Outlook for Windows lays an image out at its width attribute and ignores
 * CSS max-width, so an image wider than the box it is in widens that box,
 * and the column with it. Simulated in system Chromium: the email loaded
 * with its images (served from the site's public/), then a style sheet that
 * takes max-width off every image, as Word's engine does. Oracle: the
 * browser's own layout (getBoundingClientRect), against the content box of
 * the column as the browser lays it out.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSite } from "../helpers/fixtures.js";
import { launchChromium } from "../helpers/browser.js";
import { BOXED_IMAGES_EMAIL, boxedImagesSite, SITE_URL } from "../helpers/email.js";
import type { TempDir } from "../helpers/temp-site.js";

const PAGE_URL = "https://inbox.invalid/message.html";

let browser: Browser;
let site: TempDir;
let html = "";

beforeAll(async () => {
  site = boxedImagesSite();
  html = (await generateSite(site.path)).output.text(BOXED_IMAGES_EMAIL) ?? "";
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  site?.remove();
});

describe("an email whose images are wider than every box, where max-width is ignored", () => {
  it("keeps every element inside the column, and the column at most 600 px", async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    try {
      const served: string[] = [];
      await context.route("**/*", async (route) => {
        const url = route.request().url();
        if (url === PAGE_URL) return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
        if (!url.startsWith(`${SITE_URL}images/`)) return route.abort("blockedbyclient");
        served.push(url);
        return route.fulfill({ status: 200, contentType: "image/png", body: await readFile(join(site.path, "public", "images", decodeURIComponent(url.slice(`${SITE_URL}images/`.length)))) });
      });
      const page = await context.newPage();
      await page.goto(PAGE_URL, { waitUntil: "load" });
      await page.addStyleTag({ content: "img { max-width: none !important; }" });
      const layout = await page.evaluate(() => {
        const cell = document.querySelector(".email-content") as HTMLElement;
        const box = cell.getBoundingClientRect();
        const right = box.right - Number.parseFloat(getComputedStyle(cell).paddingRight);
        const images = [...cell.querySelectorAll("img")];
        const out = [...cell.querySelectorAll("*")].map((el) => [el, el.getBoundingClientRect()] as const).filter(([, r]) => r.right > right + 0.5).map(([el, r]) => `${el.tagName.toLowerCase()}${el.getAttribute("alt") === null ? "" : ` ${el.getAttribute("alt")}`} right=${Math.round(r.right)} > ${Math.round(right)}`);
        return { container: document.querySelector(".email-container")?.getBoundingClientRect().width ?? -1, loaded: images.filter((img) => img.complete && img.naturalWidth > 0).length, images: images.length, out };
      });
      expect(served.length, "the images were requested").toBeGreaterThan(0);
      expect(layout.loaded, "every image loaded").toBe(layout.images);
      expect(layout.out).toEqual([]);
      expect(layout.container).toBeLessThanOrEqual(600);
    } finally {
      await context.close();
    }
  }, 60_000);
});
