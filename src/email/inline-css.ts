import juice from "juice";

/**
 * Moves the template's `<style>` rules into style="" attributes, which is
 * all most mail clients read. Only what inlining cannot express stays in a
 * `<style>` block: @media rules (dark mode, small screens) and :hover.
 * No HTML attributes are derived from CSS (width=, bgcolor=, cellpadding=…):
 * they are obsolete in HTML, and Outlook's fixed width comes from the
 * template's conditional table instead.
 */
export function inlineCss(html: string): string {
  return juice(html, {
    removeStyleTags: true,
    preserveMediaQueries: true,
    preservePseudos: true,
    preserveFontFaces: false,
    preserveKeyFrames: false,
    preserveImportant: true,
    applyAttributesTableElements: false,
    applyWidthAttributes: false,
    applyHeightAttributes: false,
    resolveCSSVariables: false,
    xmlMode: false,
  });
}
