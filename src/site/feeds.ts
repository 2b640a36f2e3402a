import { Feed } from "feed";
import { authorsFor, type SiteConfig } from "../config.js";
import type { Edition, SiteIssue } from "./model.js";
import { lastShownChange, shownChange } from "./shown-change.js";
import { absolutizeHtml } from "./absolute-html.js";
import { entryIds } from "./entry-ids.js";
import { siteUrl } from "./urls.js";
import { escapeXml } from "../escape.js";
import { dayStart } from "../build-time.js";
import { jsonFeed11 } from "./json-feed.js";
import { rssPlainText } from "./rss-text.js";

export interface FeedSet {
  atom: string;
  rss: string;
  json: string;
}

export interface FeedInput {
  config: SiteConfig;
  /** Newest first. */
  issues: readonly SiteIssue[];
  bodies: ReadonlyMap<SiteIssue, string>;
  /**
   * HTML an entry's content starts with, before its body: the note of a
   * translation's original corrected after it, as its page shows it (made
   * by the render layer, render/feed-correction.ts). An issue not in it has none.
   */
  notes: ReadonlyMap<SiteIssue, string>;
  title: string;
  /** The newsletter's name in the feed's language (config `languages.<lang>.title`): the author of an issue that names none. */
  siteTitle: string;
  /** The feed's language (its edition's); entries in another language say theirs. */
  lang: string;
  /** The language `title` is in: the site's when the edition has no title of its own (siteText). */
  titleLang: string;
  description: string;
  /** The language `description` is in, as titleLang. */
  descriptionLang: string;
  /** Site route the feed describes ("" for the whole site). */
  route: string;
  atomRoute: string;
  rssRoute?: string;
  jsonRoute?: string;
  /** The build's day (YYYY-MM-DD): the date of a feed with no entries yet. */
  today: string;
}

/**
 * Atom, RSS and JSON Feed with full issue content, a translation's after
 * the note its page shows of its original's correction (`notes`). Times come from issue
 * dates, never from the clock, so two builds produce the same bytes; a feed
 * with no entry yet is dated by the build's day, as "today" is read
 * everywhere (SOURCE_DATE_EPOCH when set).
 */
export function buildFeeds(input: FeedInput): FeedSet {
  // Atom carries an entry's title and summary as HTML (CDATA, type="html"), the rest as text; JSON Feed all as text. RSS's plain text is written over by rssPlainText, from the author's own.
  // The site's authors as this edition names them (languages.<lang>.authors, else the site's).
  const authors = authorsFor(input.config, input.lang);
  // Made once for both writings: each is a pass over the issue's whole body.
  const contents = input.issues.slice(0, input.config.feedItems).map((entry) => (input.notes.get(entry) ?? "") + entryContent(input.bodies.get(entry) ?? "", entry, input.config));
  const xml = makeFeed(input, authors, contents, { html: escapeXml, text: xmlJsText });
  const json = makeFeed(input, authors, contents, { html: (text) => text, text: (text) => text });
  const entries = input.issues.slice(0, input.config.feedItems).map((entry) => ({ lang: entry.issue.lang, authors: authorsOf(entry, authors, input.siteTitle), title: entry.issue.title, categories: entry.issue.tags }));
  const plain = { channel: { title: input.title, description: input.description, copyright: copyrightOf(authors) }, items: entries };
  return { atom: atomLanguages(xml.atom1(), input), rss: rssPlainText(xml.rss2(), plain), json: jsonFeed11(json.json1(), { lang: input.lang, authors, entries }) };
}

/**
 * Text for the feed library to write as an XML element's text. It writes
 * with xml-js, which first turns every "&amp;" back into "&" (against
 * escaping twice), so a name or site title with "&amp;" typed in it lost
 * its "amp;"; with each "&" handed over as "&amp;", that step gives back
 * exactly the author's text, which xml-js then escapes.
 */
function xmlJsText(text: string): string {
  return text.replaceAll("&", "&amp;");
}

function copyrightOf(authors: readonly string[]): string {
  return authors.length ? `© ${authors.join(", ")}` : "";
}

/**
 * A feed's own `<entry>` line, its indent in group 1. Not ^(\s*): \s crosses
 * line breaks, so over many blank lines (a code block of them) each line
 * start scanned all the rest; the indent matched is the same.
 */
export const ENTRY_LINE = /^([^\S\n\r\u2028\u2029]*)<entry>$/gm;

/**
 * `xml:lang` on the Atom feed (its edition's language), on its title and
 * subtitle when they are the site's own in another (an edition the config
 * gives no title or description), and on each entry whose issue is in
 * another one, which the feed library has no option for. The feed's title
 * and subtitle are its first `<title>` and `<subtitle>` lines (an entry's
 * title is `<title type="html">`); entries are the feed's own `<entry>`
 * lines, in item order; an issue body cannot hold one (its HTML is
 * sanitised and sits in CDATA).
 */
function atomLanguages(atom: string, input: FeedInput): string {
  const langs = input.issues.slice(0, input.config.feedItems).map((entry) => entry.issue.lang);
  const own = (tag: string, lang: string) => (line: string) => (lang === input.lang ? line : line.replace(`<${tag}>`, `<${tag} xml:lang="${lang}">`));
  let n = 0;
  return atom
    .replace(/^<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/m, (root) => `${root} xml:lang="${input.lang}"`)
    .replace(/^[^\S\n]*<title>/m, own("title", input.titleLang))
    .replace(/^[^\S\n]*<subtitle>/m, own("subtitle", input.descriptionLang))
    .replace(ENTRY_LINE, (line, indent: string) => {
      const lang = langs[n++];
      return lang === undefined || lang === input.lang ? line : `${indent}<entry xml:lang="${lang}">`;
    });
}

/** How a feed writes the HTML it carries (an entry's title and summary) and its text (names, the feed's title). */
interface FeedWriting {
  html: (text: string) => string;
  text: (text: string) => string;
}

/** One writing of the feed; `contents` are the items' bodies as entries carry them (entryContent), in item order. */
function makeFeed(input: FeedInput, authors: readonly string[], contents: readonly string[], writing: FeedWriting): Feed {
  const { config } = input;
  const abs = (route: string) => siteUrl(config, route);
  // Ids are made of the address feed readers first knew (config feedIdBase), links of the site's address now.
  const id = (route: string) => new URL(route.replace(/^\/+/, ""), config.feedIdBase).href;
  const items = input.issues.slice(0, config.feedItems);
  // A correction (front matter updated, or a translation's original's, which its page shows) changes the feed too.
  const newest = lastShownChange(items, input.today);
  const feed = new Feed({
    id: id(input.route),
    title: writing.text(input.title),
    description: writing.text(input.description),
    link: abs(input.route),
    language: input.lang,
    updated: dayStart(newest, config.timeZone),
    generator: "gekkan",
    copyright: writing.text(copyrightOf(authors)),
    feedLinks: {
      atom: abs(input.atomRoute),
      ...(input.rssRoute ? { rss: abs(input.rssRoute) } : {}),
      ...(input.jsonRoute ? { json: abs(input.jsonRoute) } : {}),
    },
    ...(authors[0] ? { author: { name: writing.text(authors[0]) } } : {}),
  });
  items.forEach((entry, i) => {
    const link = abs(entry.route);
    feed.addItem({
      title: writing.html(entry.issue.title),
      id: entryId(entry, id),
      link,
      // Atom's updated and JSON Feed's date_modified, the day the page last changed (a translation's, its original's correction); RSS's pubDate stays the day it came out.
      date: dayStart(shownChange(entry), config.timeZone),
      published: dayStart(entry.issue.date, config.timeZone),
      description: writing.html(entry.issue.summary),
      // "]]>" would end the CDATA section early; "&gt;" means the same in HTML.
      content: (contents[i] ?? "").replaceAll("]]>", "]]&gt;"),
      category: entry.issue.tags.map((name) => ({ name, term: name })),
      author: authorsOf(entry, authors, input.siteTitle).map((name) => ({ name: writing.text(name) })),
    });
  });
  return feed;
}

/** An issue's body as an entry carries it: every address absolute, its ids its own (a reader may show several entries on one page). */
function entryContent(body: string, entry: SiteIssue, config: SiteConfig): string {
  return entryIds(absolutizeHtml(body, config, entry.route), entry.slug);
}

/**
 * An entry's id is the address its issue was first published at: its first
 * alias (front matter `aliases`, oldest first) when its slug was changed,
 * else its address, on the site's first address (config `feedIdBase`). A
 * feed reader takes a new id for a new post, so the id a subscriber's
 * reader already has must survive a corrected slug and a moved site.
 */
function entryId(entry: SiteIssue, id: (route: string) => string): string {
  return id(entry.aliases[0] ?? entry.route);
}

function authorsOf(entry: SiteIssue, siteAuthors: readonly string[], siteTitle: string): string[] {
  // Atom requires an author; the newsletter itself stands in when nobody is named, by the name its feed's readers know it by.
  return entry.issue.authors.length ? entry.issue.authors : siteAuthors.length ? [...siteAuthors] : [siteTitle];
}

/** The feeds of one language's edition (the site's at /feed.xml, a translation's at /<lang>/feed.xml), under the site's title in that language. */
export function siteFeeds(config: SiteConfig, edition: Edition, shown: { bodies: ReadonlyMap<SiteIssue, string>; notes: ReadonlyMap<SiteIssue, string> }, text: { title: string; titleLang: string; description: string; descriptionLang: string }, today: string): FeedSet {
  const { routes } = edition;
  return buildFeeds({ config, issues: edition.issues, ...shown, ...text, siteTitle: text.title, lang: edition.lang, route: routes.home, atomRoute: routes.atom, rssRoute: routes.rss, jsonRoute: routes.jsonFeed, today });
}
