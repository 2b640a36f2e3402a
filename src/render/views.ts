import { fill, type Locale } from "./locale.js";
import type { SiteIssue } from "../site/model.js";
import { routeUrl, type LanguageRoutes } from "../site/urls.js";

/** What templates see of an issue: plain data, every key always present. */
export interface IssueCard {
  number: number;
  title: string;
  summary: string;
  url: string;
  date: string;
  dateLabel: string;
  /** The day of its last correction (front matter `updated`), "" when none. */
  updated: string;
  updatedLabel: string;
  /** The month label ("2011年7月号"), in the page's language: the original's month, a translation's too. */
  label: string;
  /** True when the title already says the label ("2011年7月号"): then the label is not shown next to it. */
  labelInTitle: boolean;
  numberLabel: string;
  /** The issue's own language: for its title and summary, not for the labels around them. */
  lang: string;
  /** Its language when it is not the edition's (an issue not translated yet, listed in a translation): see leavesEdition. */
  hreflang: string;
  languageName: string;
  tags: ComponentLink[];
  authors: string[];
  draft: boolean;
  future: boolean;
  readingTime: string;
}

export interface ComponentLink {
  name: string;
  /** The display name (config `componentNames`). */
  label: string;
  url: string;
}

export interface ViewContext {
  basePath: string;
  today: string;
  /** The language of the edition (or issue) being rendered: an entry in another language leaves it (leavesEdition). */
  lang: string;
  /** Locale of the labels being rendered (the page's chrome, or an issue's content). */
  locale: Locale;
  /** Another language's name in the words of `locale` ("Japanese" for ja on an English page). */
  languageName: (lang: string) => string;
  /** Where the pages in the locale's language live: component links stay in that language. */
  routes: LanguageRoutes;
  componentNames: Readonly<Record<string, string>>;
}

/** The base-path join for templates' data (same rule as routeUrl). */
export const url = routeUrl;

export function componentLink(name: string, view: ViewContext): ComponentLink {
  return { name, label: view.componentNames[name] ?? name, url: url(view.basePath, view.routes.component(name)) };
}

/**
 * Who wrote the issue, as its page and email say it: the locale's `byline`
 * pattern ("By {authors}", "執筆: {authors}"), with `{by}` its `by` word, so a
 * site pack that renamed `by` keeps its word. "" with no author. One string
 * per language, as "By: A" is no English.
 */
export function byline(authors: readonly string[], view: ViewContext): string {
  if (authors.length === 0) return "";
  const strings = view.locale.pack.strings;
  return fill(strings.byline ?? "{by}: {authors}", { by: strings.by ?? "by", authors: authors.join(", ") });
}

/**
 * An entry shown in this edition from a page in another language (a block the
 * translation does not have, an issue not translated yet): its links say the
 * language they lead to (hreflang) and the entry says it in the reader's words
 * ("Japanese" on an English page), since a device name or "April 2011" does
 * not tell the reader the page they land on is not in their language. Both
 * are "" for a page of the edition's own language.
 */
export function leavesEdition(lang: string, view: ViewContext): { hreflang: string; languageName: string } {
  return lang === view.lang ? { hreflang: "", languageName: "" } : { hreflang: lang, languageName: view.languageName(lang) };
}

/** A release's name wherever it is shown: its own title, else its component and version ("Pacemaker 1.0.12"; "Pacemaker" with no version). */
export function releaseTitle(block: { title: string; version: string }, componentLabel: string): string {
  return block.title || [componentLabel, block.version].filter(Boolean).join(" ");
}

/** Whether a title already contains the label, ignoring width, case and spacing ("2011年7月号" in "2011年 7月号 特集"). */
export function titleHasLabel(title: string, label: string): boolean {
  const plain = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  return plain(label) !== "" && plain(title).includes(plain(label));
}

/** "Title (label)", or the title alone when it already says the label: a label is never repeated. */
export function titleWithLabel(title: string, label: string): string {
  return titleHasLabel(title, label) ? title : `${title} (${label})`;
}

/**
 * Every card and reference row the views made: plain JSON data, made once
 * from the site and never changed. Pages that show the same one are keyed
 * by its digest instead of its whole JSON (see render-pages.ts).
 */
const madeData = new WeakSet<object>();

/** Whether `value` is data a view made (the same object, not one that looks like it). */
export function isViewData(value: object): boolean {
  return madeData.has(value);
}

/** Marks `value` as view data (see isViewData): only plain objects and arrays of strings, numbers, booleans, null and other view data. */
export function viewData<T extends object>(value: T): T {
  madeData.add(value);
  return value;
}

export function issueCard(entry: SiteIssue, view: ViewContext): IssueCard {
  return viewData(makeCard(entry, view));
}

/** An issue's card in one language; the same object every time it is asked for (see sharedCards). */
export type Card = (entry: SiteIssue) => IssueCard;

/**
 * One card per issue, shared by every page of an edition that shows it (home,
 * archive, year, component and reference pages, its neighbours' pages):
 * otherwise every list would make its own card for every issue.
 */
export function sharedCards(view: ViewContext): Card {
  const cards = new Map<SiteIssue, IssueCard>();
  return (entry) => {
    let made = cards.get(entry);
    if (made === undefined) cards.set(entry, (made = issueCard(entry, view)));
    return made;
  };
}

function makeCard(entry: SiteIssue, view: ViewContext): IssueCard {
  const { issue, body } = entry;
  // Which month's issue it is: the original's month, also for a translation published later.
  const label = view.locale.issueLabel((entry.versions[0] ?? entry).issue.date);
  return {
    number: issue.number,
    title: issue.title,
    summary: issue.summary,
    url: url(view.basePath, entry.route),
    date: issue.date,
    dateLabel: view.locale.formatDate(issue.date),
    updated: issue.updated ?? "",
    updatedLabel: issue.updated === undefined ? "" : view.locale.formatDate(issue.updated),
    label,
    labelInTitle: titleHasLabel(issue.title, label),
    numberLabel: view.locale.issueNumber(issue.number),
    lang: issue.lang,
    ...leavesEdition(issue.lang, view),
    tags: issue.tags.map((name) => componentLink(name, view)),
    authors: issue.authors,
    draft: issue.draft,
    future: issue.date > view.today,
    readingTime: view.locale.readingTime(body.cjkChars, body.words),
  };
}
