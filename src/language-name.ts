import { asSuggestion, sameButCase, suggest } from "./suggest.js";

/**
 * Names authors write for a language instead of its locale code: the
 * country (jp), the three-letter code (jpn), the name in English or in the
 * language itself. Edit distance cannot find these ("japanese" is far from
 * "ja"), so they are listed.
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  ja: ["jp", "jpn", "japanese", "nihongo", "日本語"],
  en: ["eng", "english", "英語"],
  zh: ["cn", "zho", "chi", "chinese", "中文", "中国語"],
  ko: ["kr", "kor", "korean", "한국어", "韓国語"],
  de: ["deu", "ger", "german", "deutsch", "ドイツ語"],
  fr: ["fra", "fre", "french", "français", "フランス語"],
};

/**
 * The locale code among `known` that `input` means for certain: itself with
 * a region (ja-JP, en_US), a listed alias (jp, japanese, 日本語), or in
 * another case or width (JA, Ｊａ); undefined for anything else (no near
 * misses: "es" is Spanish, not a slip for "en").
 */
export function namedLanguage(input: string, known: readonly string[]): string | undefined {
  const folded = input.normalize("NFKC").trim().toLowerCase();
  const primary = /^([a-z]{2,3})[-_][a-z0-9]{2,8}$/.exec(folded)?.[1];
  if (primary !== undefined && known.includes(primary)) return primary;
  const aliased = Object.entries(ALIASES).find(([code, names]) => known.includes(code) && names.includes(folded))?.[0];
  return aliased ?? sameButCase(input, known);
}

/**
 * The locale code among `known` that `input` most likely means: one it
 * names for certain (namedLanguage), or a near miss; undefined when none is
 * close.
 */
export function suggestLanguage(input: string, known: readonly string[]): string | undefined {
  return namedLanguage(input, known) ?? suggest(input, known);
}

/** " — did you mean "ja"?" for a language code that is not known, or "" when nothing is close. */
export function didYouMeanLanguage(input: string, known: readonly string[]): string {
  return asSuggestion(suggestLanguage(input, known));
}

/**
 * A language with no locale pack, in the one wording the config, the front
 * matter and gekkan new share: `no locale pack "JA" — did you mean "ja"?`,
 * or, with nothing close, `no locale pack "fr"; available: en, ja (a
 * language of its own needs templates/locales/fr.json)`. `listed`: the
 * message already gives the codes there are (the front matter's "expected
 * one of en, ja"), so they are not repeated.
 */
export function noLocalePack(code: string, known: readonly string[], listed = false): string {
  const hint = didYouMeanLanguage(code, known);
  if (hint !== "") return `no locale pack "${code}"${hint}`;
  return `no locale pack "${code}"${listed ? "" : `; available: ${known.join(", ")}`} (a language of its own needs templates/locales/${code}.json)`;
}
