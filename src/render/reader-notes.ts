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
 * its language, and the card's title is in it). Those are AUTHOR_FIELDS,
 * below: test/render/template-fields.test.ts fails when a default template
 * reads a field that is in neither list, so a new one is decided on here.
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

/**
 * Every other data field gekkan's default templates read (its first two
 * segments, as a template reads it, each template on its own), which a
 * site's copy may leave out without misinforming a reader: no
 * `template-note-missing` warning is owed for it. A field read only inside
 * a note's markup belongs to the note and is not listed.
 */
export const AUTHOR_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // What a page is made of (the text, the entries of a list page): one left out is plainly missing from the author's own page.
  content: [
    "html", "title", "label", "statusLabel", "nothingPublished", "issue.title", "issue.summary", "card.title", "card.summary",
    "block.id", "block.bodyHtml", "block.answerHtml", "block.questionText", "block.questionDetailHtml", "block.versions", "block.version", "block.status", "block.date", "block.device", "block.vendor", "block.hardware", "block.plugin",
    "e.questionText", "e.questionDetailHtml", "e.answerHtml", "e.components", "e.versions", "e.device", "e.plugin",
    "r.title", "r.component", "r.version", "r.status", "r.statusLabel", "h.plugin", "h.superseded",
    "row.device", "row.vendor", "row.hardware", "row.plugin", "row.history",
    "components", "entries", "issues", "latest", "recent", "releases", "qa", "stonith", "rows", "years",
  ],
  // What is said beside an item (its date, number, label, reading time, tags, byline): decoration, to the author's taste.
  facts: [
    "issue.date", "issue.dateLabel", "issue.label", "issue.labelInTitle", "issue.numberLabel", "issue.readingTime", "issue.tags", "byline", "dateLabel",
    "card.date", "card.dateLabel", "card.label", "card.labelInTitle", "card.numberLabel", "card.readingTime", "card.tags", "r.date", "r.dateLabel",
  ],
  // The language an item is in (lang, hreflang, a language's name beside a link): the item itself says it, in its own words.
  languages: [
    "issue.lang", "card.lang", "card.hreflang", "card.languageName", "e.lang", "e.hreflang", "e.languageName", "r.lang", "r.hreflang", "r.languageName",
    "h.hreflang", "h.languageName", "row.hreflang", "row.languageName", "link.hreflang", "link.languageName", "site.titleLang", "site.descriptionLang", "editions",
  ],
  // Navigation: links to other pages and within the page (contents, previous/next, the archive, feeds, search, the email's web and unsubscribe links).
  navigation: [
    "card.url", "e.anchorUrl", "e.issue", "r.anchorUrl", "r.issue", "h.anchorUrl", "h.issue", "row.anchorUrl", "row.issue", "link.url",
    "next", "next.url", "previous", "previous.url", "toc", "sections", "dataLink", "feedUrl", "homeUrl", "webUrl", "unsubscribeUrl", "subscribeUrl",
    "site.homeUrl", "site.archiveUrl", "site.componentsUrl", "site.subscribeUrl", "site.nav", "site.search", "site.searchUrl", "bundleUrl", "mergeUrls", "phrasesUrl", "searchLang",
  ],
  // The page's head and the site's chrome (titles, descriptions, feeds, styles, the email's preview text): read by machines and mail apps, not a reader's warning.
  head: [
    "page.title", "page.fullTitle", "page.description", "page.canonical", "page.contentLang", "page.hreflang", "page.image", "page.lang", "page.languages", "page.noindex", "page.ogLocale", "page.ogLocaleAlternates", "page.type",
    "site.title", "site.description", "site.faviconType", "site.faviconUrl", "site.feeds", "site.styleUrl", "preheader", "preheaderPadding",
  ],
  // Plumbing: a heading's level, and the locale strings or a card passed whole to a partial, whose own reads are checked in that partial.
  plumbing: ["level", "t", "card"],
  // The locale strings of headings, labels and links beside the fields above (a note's own strings are in its markup).
  wording: [
    "tc.contents", "t.allIssues", "t.answer", "t.archive", "t.backHome", "t.byComponent", "t.compatibility", "t.component", "t.components", "t.contents",
    "t.dataFiles", "t.date", "t.device", "t.emailForwarded", "t.emailUnsubscribe", "t.emailViewInBrowser", "t.feedAtom", "t.feedJson", "t.feedRss", "t.hardware", "t.history",
    "t.issue", "t.issueNavigation", "t.latestIssue", "t.mainNavigation", "t.nextIssue", "t.noDate", "t.noEntries", "t.notFoundText", "t.notFoundTitle",
    "t.otherLanguages", "t.plugin", "t.poweredBy", "t.previousIssue", "t.recentIssues", "t.releaseEntry", "t.releaseNews", "t.search", "t.searchNoScript",
    "t.searchOtherLanguages", "t.searchPlaceholder", "searchOthers.noneOne", "searchOthers.noneMany", "searchOthers.moreOne", "searchOthers.moreMany", "searchOthers.show", "t.sections", "t.seeIssue", "t.skipToContent", "t.status", "t.stonithNotes", "t.subscribe", "t.superseded", "t.tableScrollHint",
    "t.taggedIssues", "t.vendor", "t.version", "t.versions",
  ],
};
