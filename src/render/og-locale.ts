/**
 * A locale pack's `intl` tag as Open Graph wants a locale: `language_TERRITORY`
 * (ogp.me; Facebook reads only that form). A bare language (`ja`, a site's
 * own pack's `fr`) gets the territory CLDR's likely subtags give it (`ja_JP`,
 * `fr_FR`), the one a reader of that language is likeliest to be in; a tag
 * that names its territory keeps it (`pt-BR` → `pt_BR`), and a script
 * (`zh-Hant`) is no part of the form, only a hint to the territory (`zh_TW`).
 */
export function ogLocale(intl: string): string {
  const likely = new Intl.Locale(intl).maximize();
  return likely.region === undefined ? likely.language : `${likely.language}_${likely.region}`;
}

/**
 * `og:locale:alternate`: the Open Graph locale of each other language the
 * page is in (its versions' languages), once each and never the page's own,
 * in the versions' order so the output is the same every build.
 */
export function ogLocaleAlternates(own: string, otherIntls: readonly string[]): string[] {
  const locales = otherIntls.map(ogLocale).filter((locale) => locale !== own);
  return [...new Set(locales)];
}
