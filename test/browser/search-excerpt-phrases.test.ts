/**
 * Japanese search excerpts start on a phrase. Pagefind cuts an excerpt out
 * of the page's text anywhere in Japanese, which has no spaces, so results
 * read 「…てみる予定です」 or 「…は Pacemaker の」: the tail of a phrase whose
 * head is cut off. The search page moves such a start to a phrase boundary
 * (BudouX's Japanese model, templates/assets/budoux-ja.js). The oracles: the
 * excerpts a reader of Japanese expects for a few searches of the sample site
 * (written here by hand), no Japanese excerpt starting with a particle or
 * an inflection that cannot begin a phrase, and English excerpts byte for
 * byte as they are without the segmenter. Real Pagefind index, real Chromium.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { CUT_PHRASE, PHRASE_EXCERPTS, waitForExcerpts } from "../helpers/search-excerpts.js";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { showAllLanguages } from "../helpers/site-page.js";

/** The search page's excerpt tidier and its fetch of the phrase scorer, top-level consts of its script (templates/search.liquid). */
declare const tidyExcerpt: (html: string, content: string, lang: string) => string;
declare const loadPhrases: () => Promise<void>;

const site = servedSampleCopy("gekkan-search-phrases-", async () => {});
const TERMS = ["対応", "予定", "比べて", "hawk", "pacemaker", "stonith", "riloe"];

interface Excerpt {
  term: string;
  lang: string;
  html: string;
  text: string;
}

/** Every excerpt (page and sub-result) shown for each term on the search page at `path`, every language's (the box ticked). */
async function excerpts(page: Page, path: string): Promise<Excerpt[]> {
  const shown: Excerpt[] = [];
  for (const term of TERMS) {
    await site.open(page, path);
    await showAllLanguages(page);
    await page.fill(".pagefind-ui__search-input", term);
    await waitForExcerpts(page, term);
    const found = await page.$$eval(".pagefind-ui__result-excerpt", (els) => els.map((el) => ({ lang: el.closest("[lang]")?.getAttribute("lang") ?? "", html: el.innerHTML, text: el.textContent ?? "" })));
    shown.push(...found.map((e) => ({ term, ...e })));
  }
  return shown;
}

/** The same, with the phrase segmenter's script answered empty (as a site without it would be). */
async function excerptsWithoutSegmenter(page: Page, path: string): Promise<Excerpt[]> {
  await page.route("**/assets/budoux-ja.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "" }));
  return excerpts(page, path);
}

describe("search excerpts", () => {
  it.each(["search/", "en/search/"])("on /%s, a Japanese excerpt starts on a phrase", async (path) => {
    await site.withPage({ width: 1280, height: 900 }, async (page) => {
      const shown = await excerpts(page, path);
      const japanese = shown.filter((e) => e.lang === "ja");
      expect(japanese.length).toBeGreaterThan(10);
      expect(japanese.filter((e) => CUT_PHRASE.test(e.text)).map((e) => e.text)).toEqual([]);
      // The English search page ranks others first.
      const expected = path === "search/" ? [...PHRASE_EXCERPTS] : PHRASE_EXCERPTS.slice(0, 1);
      expect(japanese.map((e) => e.text)).toEqual(expect.arrayContaining(expected));
    });
  });

  it("English excerpts are as they are without the segmenter", async () => {
    const english = (list: Excerpt[]) => list.filter((e) => e.lang === "en").map((e) => `${e.term}: ${e.html}`);
    const [withPhrases, without] = await Promise.all([
      site.withPage({ width: 1280, height: 900 }, (page) => excerpts(page, "en/search/")),
      site.withPage({ width: 1280, height: 900 }, (page) => excerptsWithoutSegmenter(page, "en/search/")),
    ]);
    expect(english(withPhrases).length).toBeGreaterThan(10);
    expect(english(withPhrases)).toEqual(english(without));
    // And the Japanese ones are what changed.
    expect(without.filter((e) => e.lang === "ja" && CUT_PHRASE.test(e.text)).length).toBeGreaterThan(0);
  });

  it("a cut phrase that holds the match gets its start back instead of being dropped", async () => {
    await site.withPage({ width: 1280, height: 900 }, async (page) => {
      await site.open(page, "search/");
      // The search page fetches the scorer for the first excerpt that needs it; here there is none, so it is asked for directly.
      await page.evaluate(() => loadPhrases());
      // The search page's own function (a top-level const of its script), on an excerpt Pagefind could give.
      const tidy = (html: string, lang: string) => page.evaluate(([h, l]) => tidyExcerpt(h, "GUI ごとの特徴は、また別の号で比べてみる予定です。次の号へ", l), [html, lang] as const);
      expect(await tidy("<mark>てみる</mark>予定です", "ja")).toBe("…比べ<mark>てみる</mark>予定です…");
      expect(await tidy("の号で<mark>比べ</mark>てみる", "ja")).toBe("…号で<mark>比べ</mark>てみる…");
      expect(await tidy("の号で<mark>比べ</mark>てみる", "en")).toBe("…の号で<mark>比べ</mark>てみる…");
    });
  });
});
