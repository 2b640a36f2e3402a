import { escapeXml } from "../escape.js";
import { rewriteStartTags } from "../serialised-html.js";

/**
 * A block's HTML shown away from its issue (a Q&A's question and answer on
 * /compat/ and in /data/compat.json): its links to places on the issue page
 * (`#見出し`, a footnote's `#user-content-fn-1`) led nowhere there, since
 * those places are not on the list page (nor anywhere for a reader of the
 * JSON), so `gekkan check` failed a site whose links all work. Each now
 * leads to its place on the issue's page. A footnote reference also had an
 * id that is the same in every issue (so the list page had it more than
 * once) and an aria-describedby naming the issue's notes heading, also not
 * there: it carries neither. `issuePage` is that page's address as the
 * place showing the HTML writes its other links to it: a site-relative link
 * on a list page, the absolute URL in a data file read from elsewhere.
 *
 * Textual, inside start tags (rewriteStartTags): every attribute value is
 * double-quoted with any '"' in it escaped, so ` href="#` is the attribute,
 * never part of another's value.
 */
export function pageLinksAway(html: string, issuePage: string): string {
  if (!html.includes(PAGE_LINK)) return html;
  const page = escapeXml(issuePage);
  return rewriteStartTags(html, (tag) => {
    if (!tag.startsWith("<a ") || !tag.includes(PAGE_LINK)) return tag;
    const moved = tag.replace(PAGE_LINK, ` href="${page}#`);
    return FOOTNOTE_REF.test(tag) ? moved.replace(PAGE_OWN, "") : moved;
  });
}

/** A link to a place on the page that holds it. */
const PAGE_LINK = ' href="#';

/** A footnote reference, as remark-rehype marks it. */
const FOOTNOTE_REF = / data-footnote-ref="/;

/** What names things on the issue page only. */
const PAGE_OWN = / (?:id|aria-describedby)="[^"]*"/g;
