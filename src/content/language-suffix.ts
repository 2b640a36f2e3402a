import type { VFileMessage } from "vfile-message";
import { diagnostic, type Place } from "../diagnostics.js";

/**
 * The language a file name claims: "2011-04.en.md" → "en", when "en" is a
 * language the site has a locale pack for; otherwise none ("2011-04.md",
 * "notes.v2.md"). Naming a translation so is the convention; its `lang`
 * field is what decides its language.
 */
export function nameLanguage(file: string, languages: readonly string[]): string | undefined {
  const match = /\.([^./]+)\.md$/i.exec(file);
  return match !== null && languages.includes(match[1] as string) ? match[1] : undefined;
}

/**
 * THE rule for the original a translation's file name points to: the same
 * name without its language ("2011-04.en.md", lang en → "2011-04.md"); none
 * when the name does not end in that language.
 */
export function namedOriginalFile(file: string, lang: string): string | undefined {
  const suffix = `.${lang}.md`;
  return file.endsWith(suffix) ? `${file.slice(0, -suffix.length)}.md` : undefined;
}

/**
 * A file named for one language whose `lang` says another (or says nothing,
 * so it is read in the site's language) would be published as the wrong
 * edition: a located error with both fixes.
 */
export function languageSuffixProblem(file: string, lang: string | undefined, defaultLang: string, languages: readonly string[], places: { lang: Place | undefined; issue: Place }): VFileMessage | undefined {
  const named = nameLanguage(file, languages);
  const actual = lang ?? defaultLang;
  if (named === undefined || named === actual) return undefined;
  const base = file.slice(file.lastIndexOf("/") + 1).replace(/\.[^./]+\.md$/i, "");
  const rename = actual === defaultLang ? `${base}.md` : `${base}.${actual}.md`;
  const reason = lang === undefined
    ? `this file is named for the ${named} edition (.${named}.md), but it has no lang field, so it would be read in the site's language, ${defaultLang}; add "lang: ${named}" to the front matter (or, if it is not a translation, rename the file ${rename})`
    : `this file is named for the ${named} edition (.${named}.md), but its lang is ${lang}; write "lang: ${named}", or rename the file ${rename}`;
  return diagnostic(file, reason, places.lang ?? places.issue, "language-suffix");
}
