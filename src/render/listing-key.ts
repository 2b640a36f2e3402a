import type { SiteIssue } from "../site/model.js";
import type { Locale } from "./locale.js";

/**
 * Everything about an issue that pages other than its own can show: its
 * card (title, date, number, tags, authors, reading time in every locale…)
 * and its blocks (reference pages, data files). Body HTML and headings are
 * left out: only the issue's own page, the feeds and the search index show
 * them. Two entries with the same listing key look the same on every other page.
 */
export function listingKey(entry: SiteIssue, locales: Iterable<Locale>): string {
  const { bodyLine: _bodyLine, numberLine: _numberLine, slugLine: _slugLine, aliasesLine: _aliasesLine, dateLine: _dateLine, titleLine: _titleLine, fieldMarkdown: _fieldMarkdown, ...meta } = entry.issue;
  const readingTimes = [...locales].map((locale) => locale.readingTime(entry.body.cjkChars, entry.body.words));
  return JSON.stringify([meta, entry.body.blocks, readingTimes]);
}
