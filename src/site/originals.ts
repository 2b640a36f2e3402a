import type { IssueMeta } from "../content/render-issue.js";
import { namedOriginalFile } from "../content/language-suffix.js";

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

/**
 * The original a translation's file name points to ("2011-04.en.md" in
 * `lang` en → the issue in the site's language at "2011-04.md"), among
 * `items`; whatever number either gives (a slip, or none yet).
 */
export function namedOriginalsIn<T extends { issue: Pick<IssueMeta, "lang" | "file"> }>(items: readonly T[], siteLang: string): (file: string, lang: string) => T | undefined {
  const byFile = new Map(items.filter((r) => r.issue.lang === siteLang).map((r) => [r.issue.file, r]));
  return (file, lang) => {
    const named = lang === siteLang ? undefined : namedOriginalFile(file, lang);
    return named === undefined ? undefined : byFile.get(named);
  };
}
