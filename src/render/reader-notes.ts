/**
 * The notes of gekkan's own templates that a reader must not miss, by the
 * template that shows each. A site's own copy of such a template (made
 * before gekkan added a note) shows none of them, and nothing told anyone:
 * the reader of an outdated translation was not told it might be outdated.
 * Chosen from every data field the default templates read; the rest are
 * left to the author's taste, as leaving them out misinforms no one: the
 * contents list, previous/next links, tags, reading time, byline, the
 * language switch, the page's head (its title, description, feeds), and a
 * card's "(English)" beside an issue of another language (its page says
 * its language, and the card's title is in it).
 */
export interface ReaderNote {
  /** The data the note is made from, as the template reads it (`correction`, `issue.updated`). */
  readonly path: readonly string[];
  /** What the reader sees: "the correction note". */
  readonly what: string;
  /** When readers see it ("on a translation whose …"), and what they are left to believe without it. */
  readonly why: string;
  /** gekkan's own markup for it, word for word as its template writes it, for the author to paste. */
  readonly markup: string;
  /** The data the note sits after in gekkan's template: the warning is at the site's own reading of it, the place that would hold the note (else at line 1). */
  readonly after?: readonly string[];
  /** Only a site with translations (config `languages`) ever shows it; see templateNoteWarnings. */
  readonly editions: boolean;
}

const CORRECTION_MARKUP = '{%- if correction %}\n<p class="issue-correction" role="note" data-pagefind-ignore>{{ correction.text }} <a href="{{ correction.url }}"{% if correction.hreflang != "" %} hreflang="{{ correction.hreflang }}"{% endif %}>{{ correction.link }} →</a></p>\n{%- endif %}';

const CORRECTION: Omit<ReaderNote, "markup"> = {
  path: ["correction"],
  what: "the correction note",
  why: "on a translation whose original was corrected after the translation was made: without it, readers of the translation are not told that it may still say what the correction put right, nor led to the original",
  after: ["issue", "dateLabel"],
  editions: true,
};

/**
 * A preview's badge (gekkan's markup: `{% if issue.draft %} <span class="badge
 * badge-draft">…`), after the issue number, on the issue's page or a card:
 * `holder` is the data it is read from, `strings` the locale strings' name there.
 */
function previewBadge(kind: "draft" | "future", holder: "issue" | "card", strings: "tc" | "t", words: { what: string; on: string }): ReaderNote {
  const preview = kind === "draft" ? "built with --drafts or by gekkan dev: without it, whoever reviews a preview takes the draft for a published issue" : "built with --future or by gekkan dev: without it, whoever reviews a preview takes the issue for one already out";
  return {
    path: [holder, kind],
    what: words.what,
    why: `${words.on}, ${preview}`,
    markup: `{% if ${holder}.${kind} %} <span class="badge badge-${kind}">{{ ${strings}.${kind} }}</span>{% endif %}`,
    after: [holder, "numberLabel"],
    editions: false,
  };
}

export const READER_NOTES: Readonly<Record<string, readonly ReaderNote[]>> = {
  "issue.liquid": [
    { ...CORRECTION, markup: CORRECTION_MARKUP },
    {
      path: ["issue", "updated"],
      what: "the date of the issue's last correction",
      why: "on an issue with updated: in its front matter: without it, readers cannot tell the issue was corrected after it was first published, nor when",
      markup: '{% if issue.updated != "" %} · {{ tc.updated }} <time datetime="{{ issue.updated }}">{{ issue.updatedLabel }}</time>{% endif %}',
      after: ["issue", "dateLabel"],
      editions: false,
    },
    previewBadge("draft", "issue", "tc", { what: "the draft badge", on: "on a draft" }),
    previewBadge("future", "issue", "tc", { what: "the scheduled badge", on: "on an issue dated after today" }),
  ],
  "email/issue.liquid": [
    {
      ...CORRECTION,
      markup: '{%- if correction %}\n<p class="issue-correction">{{ correction.text }} <a href="{{ correction.url }}"{% if correction.hreflang != "" %} hreflang="{{ correction.hreflang }}"{% endif %}>{{ correction.link }} →</a></p>\n{%- endif %}',
    },
  ],
  "index.liquid": [
    {
      path: ["untranslated"],
      what: "the note on issues not translated yet",
      why: "on a translation's front page while some of the original's issues have no translation in its language: without it, readers of the edition take it for every issue there is, and never find the others",
      markup: '{%- if untranslated %}\n<p class="other-edition">{{ untranslated.text }} <a href="{{ untranslated.url }}" hreflang="{{ untranslated.lang }}">{{ untranslated.link }} →</a></p>\n{%- endif %}',
      // No after: gekkan's puts it after the list of recent issues, which no one data field marks the end of.
      editions: true,
    },
  ],
  "partials/issue-card.liquid": [
    previewBadge("draft", "card", "t", { what: "the draft badge on an issue's card", on: "on the card of a draft" }),
    previewBadge("future", "card", "t", { what: "the scheduled badge on an issue's card", on: "on the card of an issue dated after today" }),
  ],
  "partials/archive-item.liquid": [
    previewBadge("draft", "card", "t", { what: "the draft badge in the archive's list", on: "beside a draft" }),
  ],
};
