import { Tokenizer, type Token, type TokenHandler } from "parse5";
import type { PointAt, ValueToFile } from "./raw-source-map.js";

/** An attribute of a start tag as the file has it: its value's text (references as typed), and where the attribute starts. */
export interface WrittenAttribute {
  text: string;
  line: number;
  column: number;
}

/**
 * Attribute `name` of the start tag at offset `at` of a raw HTML node's
 * value (as parse5 read it), as the file has it: hast-util-raw keeps where
 * an element starts but not where its attributes are, and hands their values
 * decoded (`&amp;` read as "&"). The tag is read again by parse5's tokenizer,
 * the one that read it for the page, so quotes, unquoted values and a `>`
 * inside a value read as they did there; from the value, not the file, as
 * inside a block quote the file's next line starts with a `>` marker. Its
 * place and text are then the file's (`toFile`). Undefined unless a
 * `tagName` tag whose attribute reads as `value` starts at `at`, and the
 * file holds that attribute where the map says: else its text is not known.
 */
export function writtenAttribute(source: string, raw: { value: string; toFile: ValueToFile; pointAt: PointAt }, at: number, expected: { tagName: string; name: string; value: string }): WrittenAttribute | undefined {
  const tag = firstStartTag(raw.value.slice(at));
  const place = tag?.location?.attrs?.[expected.name];
  const read = tag?.attrs.find((attribute) => attribute.name === expected.name);
  if (tag?.tagName !== expected.tagName || tag.location?.startOffset !== 0 || place === undefined || read?.value !== expected.value) return undefined;
  const from = raw.toFile(at + place.startOffset);
  const to = raw.toFile(at + place.endOffset);
  if (from === undefined || to === undefined || source.slice(from, from + expected.name.length).toLowerCase() !== expected.name) return undefined;
  const { line, column } = raw.pointAt(from);
  return { text: attributeValue(source.slice(from, to), expected.name), line, column };
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
