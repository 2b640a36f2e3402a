/**
 * A footnote's number and its way back (↩) in the email, as on the site
 * (test/browser/footnote-targets.test.ts): they were 7 × 19 and 13 × 24 px,
 * too small for a thumb, and the raised number made its line 2 px taller
 * than the others. Most mail clients read style="" alone, so the email is
 * loaded as one of them shows it, its <style> block (what juice could not
 * inline) taken out, in system Chromium at a phone's width with every other
 * request refused. The oracles are Chromium's hit testing (what a tap
 * reaches in the 24 × 24 px around each) and its layout of a copy of the
 * paragraph without the footnote. The email's text is sized in px, so the
 * browser's text size does not change it: one size is measured.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSite } from "../helpers/fixtures.js";
import { launchChromium } from "../helpers/browser.js";
import { paragraphGrowth, tapMisses } from "../helpers/tap-area.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const PAGE_URL = "https://inbox.invalid/message.html";
const REF = "a[data-footnote-ref]";
const BACK = "a[data-footnote-backref]";
const BODY = `順序[^order]の話です。

短い段落です。[^short]

[^order]: 再起動の順序の脚注です。

[^short]: 短い脚注です。
`;

let browser: Browser;
let site: TempDir;
let html = "";

beforeAll(async () => {
  site = tempSite({ "content/issues/2011/2011-04.md": issue({ title: "脚注の号", issue: 1, date: "2011-04-01" }, BODY) });
  html = (await generateSite(site.path)).output.text("issues/2011-04/email.html") ?? "";
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  site?.remove();
});

describe("a footnote's number and its way back in an email", () => {
  it("take a tap anywhere in 24 × 24 px and leave their line's height alone, at 375 px", async () => {
    const inlinedOnly = html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, "");
    expect(inlinedOnly).not.toBe(html);
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    try {
      await context.route("**/*", (route) => (route.request().url() === PAGE_URL ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: inlinedOnly }) : route.abort("blockedbyclient")));
      const page = await context.newPage();
      await page.goto(PAGE_URL, { waitUntil: "load" });
      expect(await page.locator(`${REF}:visible`).count()).toBe(2);
      expect(await page.locator(`${BACK}:visible`).count()).toBe(2);
      expect([...(await tapMisses(page, REF)), ...(await tapMisses(page, BACK))]).toEqual([]);
      expect([...(await paragraphGrowth(page, REF, "sup")), ...(await paragraphGrowth(page, BACK, BACK))]).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
