/**
 * The page at an issue's old address (front matter `aliases`), as a reader
 * meets it: a bookmark or an email sent before the address changed, often
 * with a #heading. The oracles are the Nu Html Checker for the page and
 * Chromium for where the reader ends up, with scripts on and off (the
 * meta refresh alone, as some mail apps' built-in browsers and readers with
 * scripts off follow it).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { formatVnuErrors, validateHtml } from "../helpers/vnu.js";

const ISSUE_FILE = "content/issues/2011/2011-04.md";
const site = servedSampleCopy("gekkan-alias-page-", async (root) => {
  const path = join(root, ISSUE_FILE);
  const text = readFileSync(path, "utf8");
  writeFileSync(path, text.replace("\nissue: 1\n", "\nissue: 1\naliases: [sohkan]\n"));
});

const OLD = "issues/sohkan/";
const NOW = "issues/2011-04/";

/** The id of the issue page's first section heading, as the built page has it. */
function firstHeadingId(): string {
  const html = readFileSync(join(site.out, NOW, "index.html"), "utf8");
  const id = /<h2[^>]* id="([^"]+)"/.exec(html)?.[1];
  if (id === undefined) throw new Error("the issue page has no h2 with an id");
  return id;
}

describe("an issue's old address", () => {
  it("is a page the Nu Html Checker finds no error in", async () => {
    const file = join(site.out, OLD, "index.html");
    const results = await validateHtml([file]);
    expect(formatVnuErrors(results, site.out)).toBe("");
  }, 120_000);

  it("is laid out for a phone and the reader's colour scheme, as the issue's page is", () => {
    const metas = (path: string) => [...readFileSync(join(site.out, path, "index.html"), "utf8").matchAll(/<meta name="(viewport|color-scheme)" content="([^"]*)">/g)].map((m) => `${m[1]}=${m[2]}`).sort();
    expect(metas(NOW)).toHaveLength(2);
    expect(metas(OLD)).toEqual(metas(NOW));
  });

  it("takes the reader to the issue, at the heading the old link named", async () => {
    const id = firstHeadingId();
    // The old address's page sends the reader on while it loads: Chromium may abort the rest of its own load then.
    await site.withPage({ leavesItself: site.server.url(OLD) }, async (page) => {
      await page.goto(`${site.server.url(OLD)}#${id}`);
      await page.waitForURL((url) => url.pathname.endsWith(`/${NOW}`), { timeout: 10_000 });
      expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#${decodeURIComponent(id)}`);
      await expect.poll(() => page.evaluate(() => document.querySelector("h1")?.textContent ?? "")).toContain("創刊号");
    });
  }, 60_000);

  it("takes the reader to the issue with scripts off, by its meta refresh", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(site.server.url(OLD));
      await page.waitForURL((url) => url.pathname.endsWith(`/${NOW}`), { timeout: 10_000 });
      expect(await page.locator("h1").first().textContent()).toContain("創刊号");
    } finally {
      await context.close();
    }
  }, 60_000);
});
