/**
 * The emails as a mail client's web view shows them: system Chromium, the
 * HTML loaded as a page, every other request blocked and recorded (an email
 * may not pull in stylesheets, fonts or scripts), at 600 px (the layout's
 * width) and 375 px (a phone), light and dark. Screenshots go to test-results/.
 */
import { mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFixture, generateSite } from "../helpers/fixtures.js";
import { REPO_ROOT } from "../helpers/sample-build.js";
import { launchChromium } from "../helpers/browser.js";
import { formatAxeViolations, runAxe } from "../helpers/axe.js";
import { EMAIL_FIXTURE, SITE_URL } from "../helpers/email.js";

const RESULTS_DIR = resolve("test-results");
/** Where the email "is": any URL will do, the route below answers it. */
const PAGE_URL = "https://inbox.invalid/message.html";

interface Email {
  name: string;
  html: string;
  /** Requests this email may make: its own images (absolute, on the site). */
  images: string[];
}

let browser: Browser;
const emails: Email[] = [];

beforeAll(async () => {
  const sample = await generateSite(REPO_ROOT);
  const fixture = await generateFixture(EMAIL_FIXTURE);
  const take = (name: string, html: string | undefined, images: string[] = []) => emails.push({ name, html: html ?? "", images });
  // The April sample issue shows a diagram from public/: absolute, on the site; the email shows the PNG beside the SVG (email-images.ts).
  take("sample-ja", sample.output.text("issues/2011-04/email.html"), [new URL("images/linux-ha-stack.png", `${sample.config.origin}${sample.config.basePath}`).href]);
  // Its English translation shows the same diagram.
  take("sample-en", sample.output.text("en/issues/2011-04/email.html"), [new URL("images/linux-ha-stack.png", `${sample.config.origin}${sample.config.basePath}`).href]);
  take("fixture-ja", fixture.output.text("issues/2011-04/email.html"), [`${SITE_URL}images/diagram.png`]);
  // The May sample issue's crm example is highlighted: coloured tokens on the code background.
  take("sample-ja-may", sample.output.text("issues/2011-05/email.html"));
  browser = await launchChromium();
  await mkdir(RESULTS_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Opens `email` in a fresh page; returns the URLs it tried to load besides itself (all refused). */
async function withEmail<T>(email: Email, options: { width: number; scheme: "light" | "dark" }, fn: (page: Page) => Promise<T>): Promise<{ result: T; requested: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width, height: 900 }, colorScheme: options.scheme, locale: "ja-JP" });
  const requested: string[] = [];
  await context.route("**/*", async (route) => {
    if (route.request().url() === PAGE_URL) await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: email.html });
    else {
      requested.push(route.request().url());
      await route.abort("blockedbyclient");
    }
  });
  try {
    const page = await context.newPage();
    await page.goto(PAGE_URL, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return { result: await fn(page), requested };
  } finally {
    await context.close();
  }
}

describe("emails in Chromium", () => {
  it("request nothing but their own images: no stylesheet, font or script", async () => {
    for (const email of emails) {
      const { requested } = await withEmail(email, { width: 600, scheme: "light" }, async () => undefined);
      expect(requested, email.name).toEqual(email.images);
    }
  });

  it.each(["sample-ja", "sample-en", "fixture-ja"])("%s: one column at most 600 px wide, filling a phone without sideways scrolling; screenshots at 600 and 375 px", async (name) => {
    const email = emails.find((e) => e.name === name) as Email;
    for (const width of [1024, 600, 375]) {
      const { result } = await withEmail(email, { width, scheme: "light" }, async (page) => {
        const shot = width === 1024 ? undefined : join(RESULTS_DIR, `email-${name}-${width}.png`);
        if (shot !== undefined) await page.screenshot({ path: shot, fullPage: true });
        const layout = await page.evaluate(() => {
          const vw = document.documentElement.clientWidth;
          const container = document.querySelector(".email-container")?.getBoundingClientRect();
          const wide = [...document.querySelectorAll("body *")].map((el) => [el, el.getBoundingClientRect()] as const).filter(([, r]) => r.width > 0 && r.right > vw + 1).map(([el, r]) => `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`);
          return { vw, scrollWidth: document.documentElement.scrollWidth, container: container?.width ?? -1, wide: wide.slice(0, 5) };
        });
        return { ...layout, png: shot === undefined ? "PNG" : (await readFile(shot)).subarray(1, 4).toString() };
      });
      const where = `${name} at ${width}px`;
      expect(result.container, where).toBeGreaterThan(300);
      expect(result.container, where).toBeLessThanOrEqual(600);
      expect(result.wide, where).toEqual([]);
      expect(result.scrollWidth, where).toBeLessThanOrEqual(result.vw);
      if (width === 375) expect(result.container, `${where}: uses the whole width`).toBe(result.vw);
      expect(result.png, `${where}: screenshot`).toBe("PNG");
    }
  }, 180_000);

  it("show Japanese in a system CJK font, and switch to dark colours in dark mode", async () => {
    const ja = emails[0] as Email;
    const colours: Record<string, string> = {};
    for (const scheme of ["light", "dark"] as const) {
      const { result } = await withEmail(ja, { width: 600, scheme }, async (page) => {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("DOM.enable");
        await cdp.send("CSS.enable");
        const { root } = await cdp.send("DOM.getDocument");
        const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "h1" });
        const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
        await cdp.detach();
        const colour = await page.evaluate(() => getComputedStyle(document.querySelector(".email-container") as Element).backgroundColor);
        await page.screenshot({ path: join(RESULTS_DIR, `email-${ja.name}-600-${scheme}.png`), fullPage: true });
        return { fonts: fonts.map((f) => f.familyName).join(", "), colour };
      });
      expect(result.fonts, "fonts used for the Japanese title").toMatch(/CJK|JP/);
      colours[scheme] = result.colour;
    }
    expect(colours).toEqual({ light: "rgb(255, 255, 255)", dark: "rgb(30, 33, 38)" });
  });

  it.each(["light", "dark"] as const)("%s: axe finds no text below the contrast minimum, highlighted code among it", async (scheme) => {
    const email = emails.find((e) => e.name === "sample-ja-may") as Email;
    const { result } = await withEmail(email, { width: 375, scheme }, async (page) => {
      const tokens = await page.locator("pre .hljs-string").count();
      return { tokens, report: formatAxeViolations(await runAxe(page, { axeOptions: { runOnly: ["color-contrast"] } }), `email, ${scheme}`) };
    });
    expect(result.tokens, "the example has highlighted strings").toBeGreaterThan(0);
    expect(result.report).toBe("");
  });
});
