/** One language version of a page. */
export interface Alternate {
  lang: string;
  route: string;
}

/**
 * THE hreflang rule, for pages and the sitemap alike: every language version
 * of a page, itself included, then `x-default`, the version in the site's
 * language (the original), when there is one. None for a page with no
 * other version.
 */
export function hreflangTargets(alternates: readonly Alternate[], siteLang: string): Alternate[] {
  if (alternates.length < 2) return [];
  const original = alternates.find((a) => a.lang === siteLang);
  return [...alternates, ...(original === undefined ? [] : [{ lang: "x-default", route: original.route }])];
}
