import { Tokenizer, type Token, type TokenHandler } from "parse5";

/** An attribute of a start tag as the file has it: its value's text (references as typed), and where the attribute starts. */
export interface WrittenAttribute {
  text: string;
  line: number;
  column: number;
}

/** Where a tag starts in the file: `offset` into the file's text, and its line and column there. */
interface TagStart {
  offset: number;
  line: number;
  column: number;
}

/**
 * Attribute `name` of the start tag at `start` in the file's `source`, as
 * written: hast-util-raw keeps where an element starts but not where its
 * attributes are, and hands their values decoded (`&amp;` read as "&"). The
 * tag is read again by parse5's tokenizer, the one that read it for the page,
 * so quotes, unquoted values and a `>` inside a value read as they did there.
 * `end` bounds the reading (the raw HTML's end). Undefined unless the file
 * holds, at `start`, a `tagName` tag whose attribute reads as `value`: then
 * the element's place was not the file's (its raw HTML was edited before the
 * parse, see rehype-raw-html's prepareRaw), and its text is not known.
 */
export function writtenAttribute(source: string, start: TagStart, end: number, expected: { tagName: string; name: string; value: string }): WrittenAttribute | undefined {
  const text = source.slice(start.offset, end);
  const tag = firstStartTag(text);
  const at = tag?.location?.attrs?.[expected.name];
  const read = tag?.attrs.find((attribute) => attribute.name === expected.name);
  if (tag?.tagName !== expected.tagName || tag.location?.startOffset !== 0 || at === undefined || read?.value !== expected.value) return undefined;
  return {
    text: attributeValue(text.slice(at.startOffset, at.endOffset), expected.name),
    line: start.line + at.startLine - 1,
    column: at.startLine === 1 ? start.column + at.startCol - 1 : at.startCol,
  };
}

/** The first start tag in `html`, with where its attributes are; the rest of `html` is not read. */
function firstStartTag(html: string): Token.TagToken | undefined {
  let found: Token.TagToken | undefined;
  const ignore = (): void => undefined;
  const handler: TokenHandler = {
    onStartTag(token) {
      found = token;
      tokenizer.pause();
    },
    onComment: ignore,
    onDoctype: ignore,
    onEndTag: ignore,
    onEof: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, handler);
  tokenizer.write(html, true);
  return found;
}

/**
 * The value's text in an attribute's text (parse5's bounds: from the name to
 * the end of the value, its closing quote included): past the name, the "="
 * with the spaces HTML allows around it, and the quotes, if any.
 */
function attributeValue(attribute: string, name: string): string {
  const value = attribute.slice(name.length).replace(/^[\t\n\f\r ]*=[\t\n\f\r ]*/, "");
  const quote = value[0];
  return (quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote) ? value.slice(1, -1) : value;
}
