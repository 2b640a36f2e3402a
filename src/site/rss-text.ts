/** The plain text an RSS feed carries, as the author wrote it. */
export interface RssText {
  channel: { title: string; description: string; copyright: string };
  /** In item order. */
  items: ReadonlyArray<{ title: string; authors: readonly string[]; categories: readonly string[] }>;
}

const HEX_REFERENCE: Readonly<Record<string, string>> = { "&": "&#x26;", "<": "&#x3C;", ">": "&#x3E;" };

/**
 * Plain text as the content of an RSS element: the one rule for it. RSS has
 * no way to say whether a title is text or HTML, and readers differ; the RSS
 * Best Practices Profile (https://www.rssboard.org/rss-profile#data-types-characterdata)
 * says titles are plain text and that `&`, `<` and `>` in one are best
 * written as hexadecimal character references, the form the widest number
 * of aggregators read back as the characters themselves.
 */
export function rssText(text: string): string {
  return text.replace(/[&<>]/g, (c) => HEX_REFERENCE[c] ?? c);
}

/**
 * An item's own `<item>` line; as with an Atom `<entry>` line, an issue's
 * body cannot hold one (its HTML is sanitised and sits in CDATA, and its
 * title and summary are escaped).
 */
const ITEM_LINE = /^([^\S\n\r\u2028\u2029]*<item>)$/m;

/** The channel's own text elements: they stand before the first item, where no issue's text is. */
const CHANNEL_TEXT = /<(title|description|copyright)>[^<]*<\/\1>/g;

/**
 * An item's title as the feed library writes it: first in the item, in
 * CDATA, holding the title escaped as HTML (so no `]]>` of its own).
 */
const ITEM_TITLE = /<title><!\[CDATA\[[^]*?\]\]><\/title>/;

/**
 * An item's `<author>` and `<category>` lines, one a line, text escaped (no
 * `<`), its indent in group 1. Lines of an issue's body cannot match: its
 * HTML is sanitised (no such element survives, and text shows `<` as `&lt;`).
 */
const ITEM_TEXT_LINE = /^([^\S\n\r\u2028\u2029]*)<(author|category)>[^<]*<\/\2>$/gm;

/**
 * The feed library's RSS with every plain-text element holding the author's
 * exact text, written by rssText: it put item titles in CDATA as escaped
 * HTML (readers showed "&amp;"), and wrote other text through xml-js, which
 * turns an "&amp;" the author typed into "&". Each element gets its text
 * from `text`, not from what the library wrote.
 *
 * RSS 2.0 defines `<author>` as the author's email address; gekkan knows
 * names only, and a name there is invalid (the W3C validator rejects it,
 * and readers that parse an address out of it show nothing or garbage).
 * The name goes in `<dc:creator>` (Dublin Core, whose namespace the feed
 * already declares), which readers show as the byline.
 */
export function rssPlainText(rss: string, text: RssText): string {
  // [channel, <item> line, item, <item> line, item, …]
  const [head = "", ...rest] = rss.split(ITEM_LINE);
  if (rest.length !== 2 * text.items.length) throw new Error(`RSS text: ${rest.length / 2} <item> lines for ${text.items.length} items`);
  const channel = head.replace(CHANNEL_TEXT, (_element, name: keyof RssText["channel"]) => `<${name}>${rssText(text.channel[name])}</${name}>`);
  return channel + rest.map((part, n) => (n % 2 === 0 ? part : itemText(part, text.items[(n - 1) / 2]!))).join("");
}

function itemText(item: string, text: RssText["items"][number]): string {
  const next = { author: 0, category: 0 };
  const written = item
    .replace(ITEM_TITLE, () => `<title>${rssText(text.title)}</title>`)
    .replace(ITEM_TEXT_LINE, (_line, indent: string, name: "author" | "category") => {
      const value = name === "author" ? text.authors[next.author++] : text.categories[next.category++];
      if (value === undefined) throw new Error(`RSS text: more <${name}> lines than the item has`);
      const element = name === "author" ? "dc:creator" : name;
      return `${indent}<${element}>${rssText(value)}</${element}>`;
    });
  if (next.author !== text.authors.length || next.category !== text.categories.length) throw new Error("RSS text: fewer <author> or <category> lines than the item has");
  return written;
}
