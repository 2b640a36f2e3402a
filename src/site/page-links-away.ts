import { mapUrlAttributes } from "./absolute-html.js";
import { rewriteStartTags } from "../serialised-html.js";
import { hasScheme } from "../url-scheme.js";

/**
 * A block's HTML shown away from its issue (a Q&A's question and answer on
 * /compat/ and in /data/compat.json): its addresses written from the issue
 * page led elsewhere there. A link to a place on the page (`#見出し`, a
 * footnote's `#user-content-fn-1`) found no such place, and a relative one
 * (`../2011-04/`, an image `pic.png`) started from another folder, so
 * `gekkan check` failed a site whose links all work, at the list page.
 * Each now leads where it does from the issue's page (fromIssuePage). A
 * footnote reference also had an id that is the same in every issue (so the
 * list page had it more than once) and an aria-describedby naming the
 * issue's notes heading, also not there: it carries neither. `issuePage` is
 * that page's address as the place showing the HTML writes its other links
 * to it: a site-relative link on a list page, the absolute URL in a data
 * file read from elsewhere.
 *
 * Textual, inside start tags (rewriteStartTags): every attribute value is
 * double-quoted with any '"' in it escaped, so a match is the attribute,
 * never part of another's value.
 */
export function pageLinksAway(html: string, issuePage: string): string {
  const away = (url: string) => fromIssuePage(url, issuePage);
  return rewriteStartTags(html, (tag) => {
    // The URL attributes as feeds' absolute-html.ts reads them, here only inside start tags.
    const moved = mapUrlAttributes(tag, away);
    return tag.startsWith("<a ") && FOOTNOTE_REF.test(tag) ? moved.replace(PAGE_OWN, "") : moved;
  });
}

/**
 * An address written on the issue page at `issuePage`, so that it leads
 * to the same place from any page: a relative one (`#x`, `../2011-04/`,
 * `pic.png`) resolved from the issue page, site-relative when `issuePage` is
 * (`/issues/2011-05/#x`), absolute when it is. Any other is as written.
 */
export function fromIssuePage(url: string, issuePage: string): string {
  if (url === "" || url.startsWith("/") || hasScheme(url)) return url;
  const absolute = URL.canParse(issuePage);
  const page = new URL(issuePage, STAND_IN);
  const resolved = URL.canParse(url, page) ? new URL(url, page) : undefined;
  // Another host (`\\host/x` reads as `//host/x`) is no place on this site: left as written.
  if (resolved === undefined || (!absolute && resolved.origin !== STAND_IN)) return url;
  return absolute ? resolved.href : resolved.pathname + resolved.search + resolved.hash;
}

/** An origin only to resolve site-relative addresses against; never written out. */
const STAND_IN = "http://gekkan.invalid";

/** A footnote reference, as remark-rehype marks it. */
const FOOTNOTE_REF = / data-footnote-ref="/;

/** What names things on the issue page only. */
const PAGE_OWN = / (?:id|aria-describedby)="[^"]*"/g;
