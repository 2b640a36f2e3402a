import type { Locale } from "./locale.js";
import type { SiteIssue } from "../site/model.js";
import { ROUTES } from "../site/urls.js";

/** What templates see of an issue: plain data, every key always present. */
export interface IssueCard {
  number: number;
  title: string;
  summary: string;
  url: string;
  date: string;
  dateLabel: string;
  label: string;
  numberLabel: string;
  lang: string;
  tags: Array<{ name: string; url: string }>;
  authors: string[];
  draft: boolean;
  future: boolean;
  readingTime: string;
}

export interface ViewContext {
  basePath: string;
  today: string;
  /** Locale for the page being rendered (labels follow the page, not the issue). */
  locale: Locale;
}

export function url(basePath: string, route: string): string {
  return basePath + route.replace(/^\/+/, "");
}

export function issueCard(entry: SiteIssue, view: ViewContext): IssueCard {
  const { issue, body } = entry;
  return {
    number: issue.number,
    title: issue.title,
    summary: issue.summary,
    url: url(view.basePath, entry.route),
    date: issue.date,
    dateLabel: view.locale.formatDate(issue.date),
    label: view.locale.issueLabel(issue.date),
    numberLabel: view.locale.issueNumber(issue.number),
    lang: issue.lang,
    tags: issue.tags.map((name) => ({ name, url: url(view.basePath, ROUTES.component(name)) })),
    authors: issue.authors,
    draft: issue.draft,
    future: issue.date > view.today,
    readingTime: view.locale.readingTime(body.cjkChars, body.words),
  };
}
