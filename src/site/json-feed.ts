/** What a JSON Feed 1.1 says beyond the feed library's JSON Feed 1.0. */
export interface JsonFeedFacts {
  /** The feed's language (its edition's). */
  lang: string;
  /** The feed's authors (config `authors`), every one. */
  authors: readonly string[];
  /** Each item's language and authors, in item order. */
  entries: ReadonlyArray<{ lang: string; authors: readonly string[] }>;
}

interface JsonItem {
  [key: string]: unknown;
}

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) from the feed
 * library's output, which is 1.0: it has no `language`, so readers guessed
 * a Japanese feed's language, and a single `author`, so an issue's second
 * author was lost. `authors` now names them all; `author` stays beside it,
 * as 1.1 allows, for readers that know only 1.0. An item in another
 * language than the feed's says its own.
 */
export function jsonFeed11(json1: string, facts: JsonFeedFacts): string {
  const { version: _version, items, ...head } = JSON.parse(json1) as { version: string; items: JsonItem[] };
  const names = (authors: readonly string[]) => authors.map((name) => ({ name }));
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    ...head,
    language: facts.lang,
    ...(facts.authors.length ? { authors: names(facts.authors) } : {}),
    items: items.map((item, n) => {
      const entry = facts.entries[n];
      if (!entry) return item;
      return { ...item, ...(entry.authors.length ? { authors: names(entry.authors) } : {}), ...(entry.lang === facts.lang ? {} : { language: entry.lang }) };
    }),
  };
  return JSON.stringify(feed, null, 4);
}
