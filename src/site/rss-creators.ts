/**
 * An RSS item's own `<author>` line as the feed library writes it for an
 * author with a name and no email address, its indent in group 1. Lines of
 * an issue's body cannot match: its HTML is sanitised (no `<author>`
 * element survives, and text shows `<` as `&lt;`) and sits in CDATA.
 */
const AUTHOR_LINE = /^([^\S\n\r\u2028\u2029]*)<author>([^<]*)<\/author>$/gm;

/**
 * RSS 2.0 defines `<author>` as the author's email address; gekkan knows
 * names only, and a name there is invalid (the W3C validator rejects it,
 * and readers that parse an address out of it show nothing or garbage).
 * The name goes in `<dc:creator>` (Dublin Core, whose namespace the feed
 * already declares), which readers show as the byline.
 */
export function rssCreators(rss: string): string {
  return rss.replace(AUTHOR_LINE, (_line, indent: string, name: string) => `${indent}<dc:creator>${name}</dc:creator>`);
}
