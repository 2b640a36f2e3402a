/**
 * The title `gekkan new` gives an issue when --title is not given: its month
 * as the locale names it ("2011年5月号", "May 2011"), and for a month's second
 * issue (--slug) that month with its slug, "2011年5月号 (rinji)". The month
 * alone titled both issues of the month alike, so the archive, the feed and
 * the browser's tab showed two of one name until the author retitled one.
 */
export function defaultTitle(monthTitle: string, slug: string | undefined): string {
  return slug === undefined ? monthTitle : `${monthTitle} (${slug})`;
}
