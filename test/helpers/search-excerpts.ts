import type { Page } from "playwright-core";

/** Particles and inflections: a Japanese phrase never starts with one, so an excerpt that does was cut mid-phrase. */
export const CUT_PHRASE = /^…[はがをにのてでっんーゃゅょぁぃぅぇぉ]/u;

/** Japanese searches of the sample site (Japanese search page). */
export const PHRASE_TERMS: readonly string[] = ["対応", "予定", "比べて"];

/**
 * Excerpts a reader of Japanese expects for PHRASE_TERMS on the Japanese search
 * page, written by hand. Without phrases they read 「…は Pacemaker のどの…」,
 * 「…に対応していませんが…」, 「…の号で比べてみる予定です。…」 and 「…の違いを…」.
 */
export const PHRASE_EXCERPTS: readonly string[] = ["…Pacemaker のどのバージョンに対応していますか？…", "…対応していませんが、iLO3 は IPMI に…", "…号で比べてみる予定です。…", "…違いをざっくり整理しておきます。 1.1 系…"];

/**
 * Waits until Pagefind UI has drawn the results of a search for `term` (its
 * message names the term; no loading placeholder left) and the reader can
 * see every excerpt: one the search page holds while the phrase scorer loads
 * is hidden until it is tidied.
 */
export async function waitForExcerpts(page: Page, term: string): Promise<void> {
  await page.waitForFunction((t) => {
    if (!(document.querySelector(".pagefind-ui__message")?.textContent ?? "").includes(t)) return false;
    if (document.querySelectorAll(".pagefind-ui__result").length === 0 || document.querySelector(".pagefind-ui__loading") !== null) return false;
    return [...document.querySelectorAll(".pagefind-ui__result-excerpt, .pagefind-ui__result-excerpt *")].every((el) => el.checkVisibility({ visibilityProperty: true }));
  }, term);
}

/** The excerpts shown, as the reader sees them (innerText: what is hidden is not there), with the language each is in. */
export async function shownExcerpts(page: Page): Promise<{ lang: string; html: string; text: string; seen: string }[]> {
  return page.$$eval(".pagefind-ui__result-excerpt", (els) =>
    els.map((el) => ({ lang: el.closest("[lang]")?.getAttribute("lang") ?? "", html: el.innerHTML, text: el.textContent ?? "", seen: (el as HTMLElement).innerText })),
  );
}
