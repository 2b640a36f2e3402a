/**
 * Each start tag of HTML gekkan serialised itself (hast-util-to-html, after
 * sanitising), rewritten by `rewrite`. There text never holds a raw "<" and
 * every attribute value is double-quoted with any '"' in it escaped, so a
 * start tag is `<` … `>` with quoted values skipped (a ">" inside a value
 * does not end it), and an attribute found inside one is an attribute, never
 * text: an inline code span showing `<a id="x">` is written `&#x3C;a id="x">`,
 * outside any tag.
 */
export function rewriteStartTags(html: string, rewrite: (tag: string) => string): string {
  return html.replace(START_TAG, rewrite);
}

const START_TAG = /<[a-zA-Z][^>"]*(?:"[^"]*"[^>"]*)*>/g;
