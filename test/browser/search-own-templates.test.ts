/**
 * A site that customises its look with its own templates/assets/style.css,
 * or kept its own templates/search.liquid from before each edition searched
 * its own language, still never shows Pagefind's own filter panel: the
 * index of a site with translations carries the filter "lang", and Pagefind
 * drew a panel for it beside the results, headed "Lang" with the raw codes
 * "en" and "ja" to tick. The rule that hides it was in gekkan's style.css,
 * which such a site does not load. The sites' own files are written here by
 * hand; what the reader sees is Chromium's rendering. The expected pages
 * are from the sample's content: STONITH is in the April issue, its English
 * translation and the May issue.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { servedSampleCopy } from "../helpers/served-copy.js";

/** A site's own stylesheet: none of gekkan's rules. */
const OWN_STYLE = "body { margin: 0 auto; max-width: 50rem; font-family: serif; }\n";

/** A search page as gekkan's was before the language filter: Pagefind UI, no box, no filter. */
const OLD_SEARCH = `{% layout "base" %}
{% block head %}
<link rel="stylesheet" href="{{ bundleUrl }}pagefind-ui.css">
{% endblock %}
{% block content %}
<h1 id="search-title">{{ page.title }}</h1>
<div id="search" class="search"></div>
<script src="{{ bundleUrl }}pagefind-ui.js"></script>
<script>new PagefindUI({ element: "#search", bundlePath: "{{ bundleUrl }}", baseUrl: "/", showSubResults: true, showImages: false });</script>
{% endblock %}
`;

function writeOwn(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, "templates", path, ".."), { recursive: true });
    writeFileSync(join(root, "templates", path), text);
  }
}

const ownStyle = servedSampleCopy("gekkan-search-own-style-", async (root) => writeOwn(root, { "assets/style.css": OWN_STYLE }));
const oldSearch = servedSampleCopy("gekkan-search-old-template-", async (root) => writeOwn(root, { "assets/style.css": OWN_STYLE, "search.liquid": OLD_SEARCH }));

const TITLE_LINK = ".pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title .pagefind-ui__result-link";

/** Searches STONITH and returns the pages listed once `count` are drawn, and what the search area reads. */
async function searched(page: Page, count: number): Promise<{ listed: string[]; text: string }> {
  await page.fill(".pagefind-ui__search-input", "STONITH");
  await page.waitForFunction(({ n, link }) => document.querySelectorAll(link).length === n && document.querySelector(".pagefind-ui__loading") === null, { n: count, link: TITLE_LINK }, { timeout: 10_000 });
  const listed = await page.$$eval(TITLE_LINK, (as) => as.map((a) => new URL(a.getAttribute("href") ?? "", location.href).pathname).sort());
  return { listed, text: await page.$eval("#search", (el) => (el as HTMLElement).innerText) };
}

describe("Pagefind's filter panel stays hidden on a site with templates of its own", () => {
  it("its own style.css: /en/search/ lists the English issue, with the box and no panel of codes", async () => {
    await ownStyle.withPage({ width: 1280, height: 900 }, async (page) => {
      await ownStyle.open(page, "en/search/");
      const { listed, text } = await searched(page, 1);
      expect(listed).toEqual(["/en/issues/2011-04/"]);
      expect(await page.locator(".pagefind-ui__filter-panel").first().isVisible()).toBe(false);
      expect(text).not.toMatch(/\blang\b/i);
      expect(await page.getByRole("checkbox", { name: "Also show issues in other languages" }).isVisible()).toBe(true);
      expect(await page.getByRole("checkbox").count(), "no checkbox but the box").toBe(1);
    });
  });

  it("its own search.liquid from before: every language listed, as then, and no panel of codes", async () => {
    await oldSearch.withPage({ width: 1280, height: 900 }, async (page) => {
      await oldSearch.open(page, "en/search/");
      const { listed, text } = await searched(page, 3);
      expect(listed).toEqual(["/en/issues/2011-04/", "/issues/2011-04/", "/issues/2011-05/"]);
      expect(await page.locator(".pagefind-ui__filter-panel").first().isVisible()).toBe(false);
      // The panel's "en" and "ja" were checkboxes (a hidden one is not in the accessibility tree). Its results still say
      // "Lang: ja" under each, as that page did then: it is gekkan's search.liquid that takes the field off.
      expect(await page.getByRole("checkbox").count()).toBe(0);
      expect(text).toContain("3 results for STONITH");
    });
  });
});
