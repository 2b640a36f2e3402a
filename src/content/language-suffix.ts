import type { VFileMessage } from "vfile-message";
import { diagnostic, type Place } from "../diagnostics.js";
import { namedLanguage, noLocalePack } from "../language-name.js";

/** The last dotted part of a file name before `.md` ("2011-04.en.md" → "en"), if any. */
function nameSuffix(file: string): string | undefined {
  return /\.([^./]+)\.md$/i.exec(file)?.[1];
}

/**
 * The language a file name claims: "2011-04.en.md" → "en", when "en" is a
 * language the site has a locale pack for; otherwise none ("2011-04.md",
 * "notes.v2.md"). Naming a translation so is the convention; its `lang`
 * field is what decides its language.
 */
export function nameLanguage(file: string, languages: readonly string[]): string | undefined {
  const suffix = nameSuffix(file);
  return suffix !== undefined && languages.includes(suffix) ? suffix : undefined;
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

/** Unicode's names of languages, only to tell whether a name's part is one; never shown. */
const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** `code` as Unicode writes a language ("EN" → "en", "eng" → "en", "jpn" → "ja"), or undefined when it is no language ("v2", "draft"). */
function canonicalLanguage(code: string): string | undefined {
  try {
    const canonical = Intl.getCanonicalLocales(code)[0];
    return canonical !== undefined && LANGUAGE_NAMES.of(canonical) !== undefined ? canonical : undefined;
  } catch {
    return undefined;
  }
}

/** The file's name with `lang`'s suffix, as a translation (or, in the site's language, an original) is named. */
function nameFor(file: string, lang: string, defaultLang: string): string {
  const base = file.slice(file.lastIndexOf("/") + 1).replace(/\.[^./]+\.md$/i, "").replace(/\.md$/i, "");
  return lang === defaultLang ? `${base}.md` : `${base}.${lang}.md`;
}

/**
 * A file named for one language whose `lang` says another (or says nothing,
 * so it is read in the site's language) would be published as the wrong
 * edition: a located error with both fixes. So is a name whose language is
 * written otherwise than the site's (`.EN.md`, `.eng.md`) or is one the site
 * has no edition in (`.fr.md`): read as no language at all, such a file
 * without `lang` was told only that its number was another issue's.
 */
export function languageSuffixProblem(file: string, lang: string | undefined, defaultLang: string, languages: readonly string[], places: { lang: Place | undefined; issue: Place }): VFileMessage | undefined {
  const named = nameLanguage(file, languages);
  const reason = named === undefined ? otherSuffixReason(file, lang, defaultLang, languages) : namedReason(file, named, lang, defaultLang);
  return reason === undefined ? undefined : diagnostic(file, reason, places.lang ?? places.issue, "language-suffix");
}

/** A name ending in a language of the site (`.en.md`) whose `lang` is another or unset. */
function namedReason(file: string, named: string, lang: string | undefined, defaultLang: string): string | undefined {
  const actual = lang ?? defaultLang;
  if (named === actual) return undefined;
  const rename = nameFor(file, actual, defaultLang);
  return lang === undefined
    ? `this file is named for the ${named} edition (.${named}.md), but it has no lang field, so it would be read in the site's language, ${defaultLang}; add "lang: ${named}" to the front matter (or, if it is not a translation, rename the file ${rename})`
    : `this file is named for the ${named} edition (.${named}.md), but its lang is ${lang}; write "lang: ${named}", or rename the file ${rename}`;
}

/**
 * A name ending in a language written otherwise than the site's languages
 * (`.EN.md`, `.eng.md`: gekkan pairs a translation with its original by the
 * name as the config spells it) or in one the site has no edition in.
 */
function otherSuffixReason(file: string, lang: string | undefined, defaultLang: string, languages: readonly string[]): string | undefined {
  const suffix = nameSuffix(file);
  if (suffix === undefined) return undefined;
  // A language by Unicode's codes (EN, eng, fr), or a name one of the site's goes by (jp, english, en-US).
  const code = canonicalLanguage(suffix);
  const meant = languages.find((known) => code !== undefined && canonicalLanguage(known) === code) ?? namedLanguage(suffix, languages);
  if (code === undefined && meant === undefined) return undefined;
  const actual = lang ?? defaultLang;
  const read = lang === undefined ? `it has no lang field, so it would be read in the site's language, ${defaultLang}` : `its lang is ${lang}`;
  if (meant === undefined) {
    const keep = `rename the file ${nameFor(file, actual, defaultLang)}${lang === undefined ? ` if it is in ${defaultLang}` : ""}`;
    return `this file's name (.${suffix}.md) is for the ${code ?? suffix} edition, which the site does not have: ${noLocalePack(code ?? suffix, languages)}; ${read}: ${keep}`;
  }
  const proper = nameFor(file, meant, defaultLang);
  const convention = meant === defaultLang ? `an issue in the site's language, ${meant}, is named without it (${proper})` : `a translation's name ends in its lang as the config writes it (${proper})`;
  const spelled = `this file's name ends in .${suffix}.md, which gekkan does not take for ${meant}: ${convention}`;
  if (actual === meant) return `${spelled}; rename the file ${proper}`;
  const add = lang === undefined ? `add "lang: ${meant}"` : `write "lang: ${meant}"`;
  return `${spelled}, and ${read}; rename the file ${proper} and ${add} (or, if it is in ${actual}, rename it ${nameFor(file, actual, defaultLang)})`;
}
