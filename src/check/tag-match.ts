import { Tokenizer } from "parse5";

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

/** The start tag `markup` is, read; undefined for anything else (an end tag, text, a tag cut short). */
export function readStartTag(markup: string): StartTag | undefined {
  const [found] = startTagsIn(markup);
  return found?.offset === 0 && found.length === markup.length ? found.tag : undefined;
}

/**
 * Every start tag in `text`, where it starts and how long it is written,
 * read by parse5's tokenizer as a browser reads them: bare, single- and
 * double-quoted values, every character reference decoded, a repeated
 * attribute's first value kept. Tokens only, no tree: a `<th>` written
 * outside a table is still the tag written there (a tree would drop it),
 * and Markdown's own text between tags is only text to it.
 */
export function startTagsIn(text: string): Array<{ offset: number; length: number; tag: StartTag }> {
  const found: Array<{ offset: number; length: number; tag: StartTag }> = [];
  const ignore = () => undefined;
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, {
    onStartTag: (token) => {
      const at = token.location;
      if (at === null) return;
      const attributes = new Map(token.attrs.map((attribute) => [attribute.name, attribute.value] as const));
      found.push({ offset: at.startOffset, length: at.endOffset - at.startOffset, tag: { name: token.tagName, attributes } });
    },
    onEndTag: ignore, onComment: ignore, onDoctype: ignore, onEof: ignore, onCharacter: ignore, onNullCharacter: ignore, onWhitespaceCharacter: ignore, onParseError: ignore,
  });
  tokenizer.write(text, true);
  return found;
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
