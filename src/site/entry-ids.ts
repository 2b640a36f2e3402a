import { rewriteStartTags } from "../serialised-html.js";

/**
 * An issue's ids in a feed entry, each under the entry's own name. On the
 * page, ids repeat from issue to issue: every issue with footnotes has
 * user-content-fn-1, user-content-fnref-1 and user-content-footnote-label,
 * and two issues with a heading 「まとめ」 both have id="まとめ". A feed reader
 * that shows several entries on one page then had each of them more than
 * once, and a footnote reference's aria-describedby named another issue's
 * notes heading. In a feed every id is `<slug>.<id>` (`2011-04.fn-…` →
 * `2011-04.user-content-fn-1`), and the attributes that name ids
 * (aria-describedby, aria-labelledby, a table cell's headers) follow: a slug
 * has no "." (lowercase letters, digits and single hyphens), so no renamed
 * id can be another entry's. The page keeps its ids: links people have to
 * them must go on working.
 *
 * Links are left as absolutizeHtml made them: absolute, to the issue's page
 * (a footnote's reference to the note there). Many readers drop ids or
 * resolve a "#…" link against the entry's address, and an absolute link
 * lands in every reader.
 *
 * Textual, as absolutizeHtml is: only inside start tags (rewriteStartTags),
 * so an id shown as text in a code span stays the author's.
 */
export function entryIds(html: string, slug: string): string {
  return rewriteStartTags(html, (tag) => tag.replace(NAMES_IDS, (_, name: string, ids: string) => ` ${name}="${ids.replace(/[^\t\n\f\r ]+/g, (id) => `${slug}.${id}`)}"`));
}

/** The attributes whose value is an id (id) or a list of ids (the rest), each as gekkan's serialiser writes it. */
const NAMES_IDS = / (id|aria-describedby|aria-labelledby|headers)="([^"]*)"/g;
