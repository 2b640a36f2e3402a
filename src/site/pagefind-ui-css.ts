/** The stylesheet of Pagefind's search box and results, as its bundle names it. */
export const PAGEFIND_UI_CSS = "pagefind-ui.css";

/**
 * Pagefind's stylesheet as gekkan publishes it: sized in rem
 * (remSizedPagefindCss), and without Pagefind's own filter panel. On a site
 * with translations every page carries the filter "lang", and Pagefind draws
 * a panel for it beside the results, its heading and choices the raw codes
 * ("lang", "en", "ja"); gekkan's search page offers the choice as one
 * checkbox in the reader's words instead. The rule is here, not in
 * templates/assets/style.css, because every site gets this file: a site's
 * own style.css, or its own search.liquid from before the filter, would
 * show the panel. A selector of three classes, after Pagefind's own (three
 * too, two of them its scoping class), so it wins.
 */
export function publishedPagefindCss(css: string): string {
  return `${remSizedPagefindCss(css)}\n.pagefind-ui .pagefind-ui__drawer .pagefind-ui__filter-panel { display: none; }\n`;
}

/**
 * Pagefind's stylesheet with its sizes in rem. Pagefind writes every size as
 * px times a number, `calc(21px * var(--pagefind-ui-scale))`, so its box,
 * message and results stayed at 13-17 px when a reader made the browser's
 * text larger, while the page around them grew. `calc(1.3125rem * …)` is the
 * same size at the default 16 px and grows with the reader's setting, in
 * every browser: a scale counted in rem, calc(0.8 * 1rem / 16px), needs
 * lengths divided by lengths, which Firefox cannot do, so there the box kept
 * its px. The scale stays a number, as Pagefind documents it.
 */
export function remSizedPagefindCss(css: string): string {
  return css.replace(/(\d*\.?\d+)px \* var\(--pagefind-ui-scale\)/g, (_, px: string) => `${Number(px) / 16}rem * var(--pagefind-ui-scale)`);
}
