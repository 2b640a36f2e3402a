/**
 * An issue's footnotes in a feed entry, under ids of that entry's own. On
 * the page they are user-content-fn-1, user-content-fnref-1 and
 * user-content-footnote-label in every issue; a feed reader that shows
 * several entries on one page then had each id more than once, and a
 * footnote's link could land in another issue. In a feed they are
 * `<slug>.fn-1` and so on: a slug has no "." (lowercase letters, digits and
 * single hyphens), nor has any other id gekkan writes (heading ids, block
 * anchors, an author's ids, which the sanitiser starts with "user-content-"),
 * so each is one issue's and no other id can take it. The page keeps its ids:
 * links people have to them must go on working.
 *
 * The links between a footnote and its references become links within the
 * entry (`#<slug>.fn-1`), no longer to the issue page: the entry carries the
 * note, so in a reader that keeps ids a reference stays in the entry being
 * read instead of opening the site. A reader that drops ids and resolves the
 * link against the entry's address opens the issue page at its top, where
 * the old link opened it at the note; the entry's own note is what the
 * reader is nearer to, so that is the case given up.
 *
 * Run after absolutizeHtml: its rewrite would make the in-entry links
 * absolute again. Textual, as absolutizeHtml is: gekkan's serialiser always
 * double-quotes attributes and writes remark-rehype's footnotes in one shape.
 */
export function entryFootnotes(html: string, entry: { slug: string; pageUrl: string }): string {
  if (!html.includes("user-content-f")) return html;
  const rename = (name: string) => `${entry.slug}.${name}`;
  const page = entry.pageUrl.replace(/&/g, "&#x26;");
  return html
    .replace(FOOTNOTE_ID, (_, attribute: string, name: string) => ` ${attribute}="${rename(name)}"`)
    .replace(START_TAG_A, (tag) => (FOOTNOTE_LINK.test(tag) ? tag.replace(HREF, (whole, url: string, name: string) => (url === page ? ` href="#${rename(name)}"` : whole)) : tag));
}

/**
 * The ids remark-rehype gives footnotes, references and the notes' heading,
 * and the one attribute besides links that names them (a reference's
 * aria-describedby, the heading). An author's raw HTML id of the same shape
 * is already the same id on the page; it is renamed alike.
 */
const FOOTNOTE_ID = / (id|aria-describedby)="user-content-((?:fn|fnref)-[^"]*|footnote-label)"/g;

/** An `<a>` start tag, every attribute double-quoted (a ">" inside a value does not end it). */
const START_TAG_A = /<a(?: [^\s"'>/=]+(?:="[^"]*")?)*>/g;

/** A footnote's reference or its way back, as remark-rehype marks them. */
const FOOTNOTE_LINK = / data-footnote-(?:ref|backref)="/;

/** The link's address, absolute by now: the page (group 1) and the footnote's name (group 2). */
const HREF = / href="([^"#]*)#user-content-((?:fn|fnref)-[^"]*)"/;
