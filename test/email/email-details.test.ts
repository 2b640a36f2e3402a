/**
 * A <details> the author folded in an issue, in its email. The email gave it
 * no margin, so whatever followed it (a quotation, a paragraph, a code
 * block) touched its summary line, as on the site before its own fix: in a
 * mail app that shows it folded, 「補足」 and the next paragraph read as one.
 * It stands apart from what follows as a paragraph does. The email is
 * loaded in system Chromium with every other request refused, at a phone's
 * width, light and dark; the oracle is the browser's layout: the gap below
 * the folded box against the gap below a paragraph.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSite } from "../helpers/fixtures.js";
import { launchChromium } from "../helpers/browser.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const PAGE_URL = "https://inbox.invalid/message.html";
const BODY = `段落です。

<details>
<summary>補足</summary>

畳まれた補足です。

</details>

> 引用です。

<details>
<summary>もう一つの補足</summary>

これも畳まれています。

</details>

次の段落です。
`;

let browser: Browser;
let site: TempDir;
let html = "";

beforeAll(async () => {
  site = tempSite({ "content/issues/2011/2011-04.md": issue({ title: "畳んだ補足の号", issue: 1, date: "2011-04-01" }, BODY) });
  html = (await generateSite(site.path)).output.text("issues/2011-04/email.html") ?? "";
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  site?.remove();
});

describe("a folded <details> in an email", () => {
  it.each(["light", "dark"] as const)("stands apart from what follows as a paragraph does, at 375 px, %s", async (scheme) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, colorScheme: scheme });
    try {
      await context.route("**/*", (route) => (route.request().url() === PAGE_URL ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }) : route.abort("blockedbyclient")));
      const page = await context.newPage();
      await page.goto(PAGE_URL, { waitUntil: "load" });
      const gaps = await page.evaluate(() => {
        const below = (el: Element): number => (el.nextElementSibling?.getBoundingClientRect().top ?? NaN) - el.getBoundingClientRect().bottom;
        const folded = [...document.querySelectorAll(".email-content details")];
        const paragraph = document.querySelector(".email-content p") as Element;
        return { open: folded.filter((d) => (d as HTMLDetailsElement).open).length, details: folded.map(below), paragraph: below(paragraph) };
      });
      expect(gaps.details.length).toBe(2);
      expect(gaps.open, "shown folded, as the author wrote them").toBe(0);
      expect(gaps.paragraph).toBeGreaterThan(8);
      expect(gaps.details).toEqual([gaps.paragraph, gaps.paragraph]);
    } finally {
      await context.close();
    }
  });
});
