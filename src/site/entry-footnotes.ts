/**
 * An issue's footnotes in a feed entry, under ids of that entry's own. On
 * the page they are user-content-fn-1, user-content-fnref-1 and
 * user-content-footnote-label in every issue; a feed reader that shows
 * several entries on one page then had each id more than once, and a
 * reference's aria-describedby named another issue's notes heading. In a
 * feed they are `<slug>.fn-1` and so on: a slug has no "." (lowercase
 * letters, digits and single hyphens), nor has any other id gekkan writes
 * (heading ids, block anchors, an author's ids, which the sanitiser starts
 * with "user-content-"), so each is one issue's and no other id can take it.
 * The page keeps its ids: links people have to them must go on working.
 *
 * The links between a footnote and its references stay absolute, to the
 * note on the issue page (absolutizeHtml made them so): many readers drop
 * ids or resolve a "#…" link against the entry's address, and there an
 * in-entry link would open the page at its top; an absolute one lands on the
 * note in every reader.
 *
 * Textual, as absolutizeHtml is: gekkan's serialiser always double-quotes
 * attributes and writes remark-rehype's footnotes in one shape.
 */
export function entryFootnotes(html: string, slug: string): string {
  if (!html.includes("user-content-f")) return html;
  return html.replace(FOOTNOTE_ID, (_, attribute: string, name: string) => ` ${attribute}="${slug}.${name}"`);
}

/**
 * The ids remark-rehype gives footnotes, references and the notes' heading,
 * and the one attribute besides links that names them (a reference's
 * aria-describedby, the heading). An author's raw HTML id of the same shape
 * is already the same id on the page; it is renamed alike.
 */
const FOOTNOTE_ID = / (id|aria-describedby)="user-content-((?:fn|fnref)-[^"]*|footnote-label)"/g;
