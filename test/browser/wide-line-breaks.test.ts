/**
 * A line an author broke inside a Japanese sentence must not show as a
 * space. Chromium renders a line break between two Japanese characters as
 * a space (CSS Text 3 says to drop it; Chromium does not), so the issue
 * page showed `文章が 続きます`. The oracle is Chromium's own layout: the
 * wrapped paragraph, as gekkan writes it into the issue page, is exactly as
 * wide as the same sentence written on one line, and an English paragraph
 * broken the same way still has its space.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { generate } from "../../src/pipeline/generate.js";
import { launchChromium } from "../helpers/browser.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

const BODY = [
  "日本語の文章が途中で\n改行されても、**強調**\nの後も、[リンク](https://example.org/)\nの後も続きます。",
  "日本語の文章が途中で改行されても、**強調**の後も、[リンク](https://example.org/)の後も続きます。",
  "English words broken\nacross lines.",
  "English words broken across lines.",
].join("\n\n");

let site: TempDir;
let browser: Browser;

beforeAll(async () => {
  site = tempSite({ "content/issues/2011/2011-04.md": `---\ntitle: "創刊号"\nissue: 1\ndate: 2011-04-01\n---\n\n${BODY}\n` });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  site?.remove();
});

describe("a line broken inside a Japanese sentence", () => {
  it("takes no space on the issue page in Chromium; an English one keeps its space", async () => {
    const generated = await generate({ root: site.path, search: false });
    const html = generated.output.text("issues/2011-04/index.html") ?? "";
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    const widths = await page.evaluate(() =>
      [...document.querySelectorAll("main p")].slice(-4).map((p) => {
        const range = document.createRange();
        range.selectNodeContents(p);
        return [...range.getClientRects()].reduce((sum, rect) => sum + rect.width, 0);
      }),
    );
    await page.close();
    const [wrapped = 0, oneLine = 0, english = 0, englishOneLine = 0] = widths;
    expect(wrapped).toBeGreaterThan(100);
    expect(Math.abs(wrapped - oneLine)).toBeLessThan(0.5);
    expect(Math.abs(english - englishOneLine)).toBeLessThan(0.5);
  }, 60_000);
});
