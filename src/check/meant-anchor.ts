import { suggest } from "../suggest.js";
import { headingSlug } from "../markdown/plugins/rehype-heading-ids.js";

/** How many of a page's heading ids a broken anchor with nothing near it is shown: enough to choose from, few enough to read on one line. */
const SHOWN_HEADINGS = 5;

/**
 * The advice after a broken #anchor (`fragment`, decoded) on a page with
 * `ids` (every id) and `headings` (its headings' ids, in page order), each
 * suggestion written by `spell`; "" when there is none:
 *
 * - the fragment is a heading's text (`#STONITH プラグイン`, the heading as
 *   the author sees it): the id gekkan gave that heading (`#stonith-プラグイン`),
 *   by the very rule that made it (rehype-heading-ids.ts). By spelling it was
 *   too far to be offered, so nothing was;
 * - a near miss of an id, as typed or as its heading's text would be slugged
 *   (`#Pacemaker 1.0.12` for `#pacemaker-1011`): the nearest, by the rule every
 *   "did you mean" follows (suggest.ts: a third of the length);
 * - else the page's headings' ids, the first few, to choose from: a link
 *   named for a heading the page does not have (`#gui-support` where it has
 *   `#gui`) is near nothing by spelling, and the author had to open the page
 *   to find what to link.
 */
export function anchorAdvice(fragment: string, ids: readonly string[], headings: readonly string[], spell: (suggestion: string) => string): string {
  const slugged = headingSlug(fragment);
  if (slugged !== fragment && ids.includes(slugged)) return ` — did you mean "${spell(`#${slugged}`)}"? (a heading's id is its text in lower case, spaces as "-", most punctuation left out)`;
  const near = suggest(fragment, ids) ?? suggest(slugged, ids);
  if (near !== undefined) return ` — did you mean "${spell(`#${near}`)}"?`;
  if (headings.length === 0) return "";
  const shown = headings.slice(0, SHOWN_HEADINGS).map((id) => `"${spell(`#${id}`)}"`);
  const more = headings.length > SHOWN_HEADINGS ? ` and ${headings.length - SHOWN_HEADINGS} more` : "";
  return `; its headings' ids are ${shown.join(", ")}${more}`;
}
