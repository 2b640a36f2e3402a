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
 * - the one id that starts the fragment, or that the fragment starts, up to
 *   a word's end (`#gui` for `#gui-support`, `#gui-support` for `#gui`; see
 *   wordPrefixMatch): a link named for more or less of a heading than its
 *   id is near nothing by spelling, and got only the list below. After the
 *   near miss: `#gui-suport` meant `#gui-support`, not `#gui`;
 * - else the page's headings' ids, the first few, to choose from: a link
 *   named for a heading the page does not have is near nothing by spelling,
 *   and the author had to open the page to find what to link.
 */
export function anchorAdvice(fragment: string, ids: readonly string[], headings: readonly string[], spell: (suggestion: string) => string): string {
  const slugged = headingSlug(fragment);
  if (slugged !== fragment && ids.includes(slugged)) return ` — did you mean "${spell(`#${slugged}`)}"? (a heading's id is its text in lower case, spaces as "-", most punctuation left out)`;
  const near = suggest(fragment, ids) ?? suggest(slugged, ids);
  if (near !== undefined) return ` — did you mean "${spell(`#${near}`)}"?`;
  const prefix = [fragment, slugged].map((typed) => ({ typed, id: wordPrefixMatch(typed, ids) })).find((match) => match.id !== undefined);
  if (prefix?.id !== undefined) return ` — did you mean "${spell(`#${prefix.id}`)}"? (the one id on the page that ${prefix.id.length < prefix.typed.length ? `"${prefix.typed}" starts with` : `starts with "${prefix.typed}"`})`;
  if (headings.length === 0) return "";
  const shown = headings.slice(0, SHOWN_HEADINGS).map((id) => `"${spell(`#${id}`)}"`);
  const more = headings.length > SHOWN_HEADINGS ? ` and ${headings.length - SHOWN_HEADINGS} more` : "";
  return `; its headings' ids are ${shown.join(", ")}${more}`;
}

/** Where a word of an id ends: the "-" a heading's space becomes, and the "_" and "." ids written by hand use. */
const WORD_END = new Set(["-", "_", "."]);

/**
 * The id, when exactly one, that `fragment` starts with or that starts
 * with `fragment`, either up to a word's end (WORD_END): `gui` for
 * `gui-support` and the other way round, but not `guide` for `gui`. A
 * Japanese heading's id has no word ends but its spaces ("-"; a full-width
 * space and "・" are left out of it): `#監視` is offered `#監視-リソース`,
 * not `#監視機能`, where the words are not marked and the two may mean
 * different things. Two candidates or none: undefined, as a guess.
 */
function wordPrefixMatch(fragment: string, ids: readonly string[]): string | undefined {
  const startsWord = (long: string, short: string) => short !== "" && long.length > short.length && long.startsWith(short) && WORD_END.has(long.charAt(short.length));
  const found = ids.filter((id) => startsWord(fragment, id) || startsWord(id, fragment));
  return found.length === 1 ? found[0] : undefined;
}
