import type { Alternate } from "../site/alternates.js";

/**
 * THE rule for a page's way to the editions it has no version in (an issue
 * not translated yet, a year or component page of one edition only): their
 * front pages, in edition order. A reader of the English edition who
 * followed a link marked "(Japanese)" would otherwise find no way back to
 * English on that page. They are not alternates of the page (no hreflang
 * `<link>`, no sitemap entry): the switch names them as front pages.
 * `homes`: every edition's front page; `versions`: the languages the page is in.
 */
export function homesWithout(homes: readonly Alternate[], versions: readonly string[]): Alternate[] {
  return homes.filter((home) => !versions.includes(home.lang));
}
