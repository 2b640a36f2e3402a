import type { IssueMeta } from "../content/render-issue.js";

/** What the rule reads of an issue: its language and its number. */
type Numbered = { issue: Pick<IssueMeta, "lang" | "number"> };

/**
 * THE rule for which issue a translation translates: the issue in the
 * site's language with the same number (an issue in the site's language
 * finds itself). Looked up among `items`, so each caller gets back the kind
 * of issue it holds (front matter only, or rendered).
 */
export function originalsIn<T extends Numbered>(items: readonly T[], siteLang: string): (r: Numbered) => T | undefined {
  const originals = new Map(items.filter((r) => r.issue.lang === siteLang).map((r) => [r.issue.number, r]));
  return (r) => originals.get(r.issue.number);
}
