import { escapeXml } from "../escape.js";
import { fill, type Locale } from "./locale.js";

/**
 * remark-rehype writes an issue's footnotes with English words, whatever the
 * issue's language: the section's heading "Footnotes" (screen readers read
 * it; the contents list and the plain-text email show it) and "Back to
 * reference 1" on each back link. The Markdown stage does not know the
 * locale packs (its output is cached by content alone), so the page puts
 * them in the language here, as it does the table labels.
 */
export interface FootnoteText {
  /** The footnotes section's heading. */
  label: string;
  /** A back link's accessible name: "{n}" is the reference's number ("1", or "1-2" for its second use). */
  back: string;
}

/** The id remark-rehype gives the footnotes heading, with the sanitiser's prefix. */
const FOOTNOTE_LABEL_ID = "user-content-footnote-label";

/** The words of a locale, English when a site's own pack has none. */
export function footnoteText(locale: Locale): FootnoteText {
  const t = locale.pack.strings;
  return { label: t.footnotes ?? "Footnotes", back: t.footnoteBack ?? "Back to reference {n}" };
}

/** Whether a body heading is the footnotes section's: the notes at the end of the issue, not a section of it. */
function isFootnotesHeading(heading: { id: string }): boolean {
  return heading.id === FOOTNOTE_LABEL_ID;
}

/**
 * A contents list as shown, on the page and in the email: none when the
 * footnotes heading is all it would list (an issue with footnotes and no
 * heading had a list of one entry, 脚注); else every entry, 脚注 last.
 */
export function shownContents<T extends { id: string }>(entries: T[]): T[] {
  return entries.some((entry) => !isFootnotesHeading(entry)) ? entries : [];
}

/** A body heading's text as readers get it: the footnotes heading in the locale's words, any other as written. */
export function headingText(heading: { id: string; text: string }, locale: Locale): string {
  return isFootnotesHeading(heading) ? footnoteText(locale).label : heading.text;
}

// What remark-rehype writes (its defaults): the heading's text inside gekkan's heading link, and each back link's label.
const LABEL = new RegExp(`(<h2 class="sr-only" id="${FOOTNOTE_LABEL_ID}"><a class="heading-link" href="#${FOOTNOTE_LABEL_ID}">)Footnotes(</a></h2>)`);
const BACK = /(<a href="#user-content-fnref-[^"]*" data-footnote-backref="" aria-label=")Back to reference (\d+(?:-\d+)?)(")/g;

export function localizeFootnotes(html: string, text: FootnoteText): string {
  if (!html.includes(FOOTNOTE_LABEL_ID)) return html;
  return html
    .replace(LABEL, (_, open: string, close: string) => `${open}${escapeXml(text.label)}${close}`)
    .replace(BACK, (_, open: string, n: string, close: string) => `${open}${escapeXml(fill(text.back, { n }))}${close}`);
}
