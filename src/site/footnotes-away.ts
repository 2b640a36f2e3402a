import { escapeXml } from "../escape.js";
import { rewriteStartTags } from "../serialised-html.js";

/**
 * A block's HTML shown away from its issue (a Q&A's question and answer on
 * /compat/ and in /data/compat.json): its footnote references were the issue
 * page's own, a link to a note (`#user-content-fn-1`) that is not on the list
 * page (nor anywhere for a reader of the JSON), an id that is the same in
 * every issue (so the list page had it more than once) and an
 * aria-describedby naming the issue's notes heading, also not there. Each
 * reference now links to its note on the issue's page and carries no id or
 * description of the issue page's. `issuePage` is that page's address as the
 * place showing the HTML writes its other links to it: a site-relative link
 * on a list page, the absolute URL in a data file read from elsewhere.
 *
 * Textual, inside start tags (rewriteStartTags): remark-rehype writes a
 * reference in one shape (`<a href="#…" id="…" data-footnote-ref=""
 * aria-describedby="…">`).
 */
export function footnotesAway(html: string, issuePage: string): string {
  if (!html.includes("data-footnote-ref")) return html;
  const page = escapeXml(issuePage);
  return rewriteStartTags(html, (tag) => (tag.startsWith("<a ") && FOOTNOTE_REF.test(tag) ? tag.replace(' href="#', ` href="${page}#`).replace(PAGE_OWN, "") : tag));
}

/** A footnote reference, as remark-rehype marks it. */
const FOOTNOTE_REF = / data-footnote-ref="/;

/** What names things on the issue page only. */
const PAGE_OWN = / (?:id|aria-describedby)="[^"]*"/g;
