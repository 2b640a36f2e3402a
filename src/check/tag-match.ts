/** A start tag read: its name in lower case, its attributes (names in lower case) with their values decoded. */
export interface StartTag {
  name: string;
  attributes: ReadonlyMap<string, string>;
}

/**
 * What the build does to a tag between the file it was written in and the
 * page: the value a written attribute is published with (a root-relative
 * link gains the base path, an id the sanitizer's prefix), and which
 * attributes it may add to a tag that had none (a heading's id, a link's
 * hreflang, an email's inlined style).
 */
export interface TagRewrite {
  value: (tag: string, attribute: string, value: string) => string;
  adds: (tag: string, attribute: string) => boolean;
}

/** Written as it is published: a template's tag, but for what a template fills in, which no reading of the tag sees through. */
export const AS_WRITTEN: TagRewrite = { value: (_tag, _attribute, value) => value, adds: () => false };

// One attribute: a name, then a value double-quoted, single-quoted or bare (HTML's rules), or none.
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gy;
const START_TAG = /<([a-z][a-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/gi;

/** The start tag `markup` is, read; undefined for anything else (an end tag, text, a tag cut short). */
export function readStartTag(markup: string): StartTag | undefined {
  const [found] = startTagsIn(markup);
  return found?.offset === 0 && found.length === markup.length ? found.tag : undefined;
}

/** Every start tag in `text` that reads, where it starts and how long it is written. */
export function startTagsIn(text: string): Array<{ offset: number; length: number; tag: StartTag }> {
  return [...text.matchAll(START_TAG)].map((m) => ({ offset: m.index, length: m[0].length, tag: { name: (m[1] ?? "").toLowerCase(), attributes: attributesOf(m[2] ?? "") } }));
}

function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m !== null; m = ATTRIBUTE.exec(text)) {
    const name = (m[1] ?? "").toLowerCase();
    // A repeated attribute: the first is the one a browser (and the serialiser) keeps.
    if (!attributes.has(name)) attributes.set(name, decodeReferences(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attributes;
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">" };

/**
 * Character references in an attribute value decoded: the serialiser writes
 * "&" as `&#x26;` where the author wrote `&amp;` or `&`. Names beyond the
 * five of XML are left as they are, so such a value matches only itself.
 */
function decodeReferences(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));/gi, (whole, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Whether `published` is the tag `written` as the build publishes it: the
 * same element, each attribute written there with the value `rewrite` says
 * it is published with, and no other but ones `rewrite` adds. An attribute
 * the page lacks (one the sanitizer removed) is no match: that tag is not
 * told from another one.
 */
export function publishedAs(written: StartTag, published: StartTag, rewrite: TagRewrite): boolean {
  if (written.name !== published.name) return false;
  for (const [name, value] of written.attributes) {
    if (published.attributes.get(name) !== rewrite.value(written.name, name, value)) return false;
  }
  return [...published.attributes.keys()].every((name) => written.attributes.has(name) || rewrite.adds(published.name, name));
}
