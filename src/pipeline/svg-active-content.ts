import sax, { type QualifiedTag, type SAXParser } from "sax";
import { decoded, unpacked } from "./svg-bytes.js";

/** Something in an SVG that runs code, or embeds a page that can, when a reader opens the image itself. */
export interface ActiveContent {
  /** As messages name it: "a <script> element", "an onload attribute". */
  what: string;
  /** 1-based, in the (unpacked) SVG's text: the start tag that holds it. */
  line: number;
  column: number;
}

/** `tooLarge` says how large, as messages put it: "is 17 MB", "unzips to more than 16 MB". */
export type SvgCheck = { found: ActiveContent[] } | { tooLarge: string };

/** .svg, and .svgz (gzipped SVG, which web servers send as SVG with gzip encoding, so it runs just the same). */
export function isSvgName(name: string): boolean {
  return /\.svgz?$/i.test(name);
}

/**
 * The scripts, event attributes, `javascript:` links and `<foreignObject>`s of
 * an SVG, read as the XML it is (sax), so a `<script>` in a comment, in CDATA
 * or in text is not one, while `<svg:script>`, an `ONLOAD`, a `&#x6A;avascript:`
 * or markup hidden in a DOCTYPE entity is. Past SVG_CHECK_BYTES (after
 * unzipping) nothing is parsed: an answer would cost seconds on every build.
 */
export function svgActiveContent(bytes: Buffer): SvgCheck {
  const xml = unpacked(bytes);
  if (typeof xml === "string") return { tooLarge: xml };
  const found: ActiveContent[] = [];
  const parser = sax.parser(false, { xmlns: true, lowercase: true, position: true, unparsedEntities: true });
  let place = { line: 1, column: 1 };
  // Inside an entity's text sax counts that text as if it stood in the file: the place is the reference's ";" instead.
  let reference: typeof place | undefined;
  const write = parser.write.bind(parser);
  parser.write = (text) => {
    const outermost = parser.entityDepth === 1 && reference === undefined;
    if (outermost) reference = { line: parser.line + 1, column: parser.column };
    write(text);
    if (outermost) reference = undefined;
    return parser;
  };
  parser.onerror = (error) => {
    // Entities nested or used past sax's bounds (a "billion laughs"): stop, or expansion would go on regardless.
    if (/entity (count|depth)/i.test(error.message)) throw new EntityBomb();
    // Otherwise malformed XML: browsers show what comes before the slip (and may run it), so read on.
    parser.error = null;
  };
  parser.ondoctype = (doctype) => declareEntities(parser, doctype, found);
  parser.onopentagstart = (tag) => (place = reference ?? { line: parser.line + 1, column: Math.max(1, parser.column - tag.name.length - 1) });
  parser.onopentag = (tag) => found.push(...inTag(tag).map((what) => ({ what, ...place })));
  try {
    parser.write(decoded(xml)).close();
  } catch (error) {
    if (!(error instanceof EntityBomb)) throw error;
    found.push({ what: "<!ENTITY> entities that expand too far to check", ...(reference ?? place) });
  }
  return { found };
}

class EntityBomb extends Error {}

const ENTITY = /<!ENTITY\s+(%\s+)?([^\s%"']+)\s+(?:(["'])([\s\S]*?)\3)?/g;

/**
 * Browsers expand a DOCTYPE's own entities (`<!ENTITY x "<script>…">` … `&x;`),
 * markup included, so sax is told them. A parameter entity (`%`) can declare
 * more of them in ways this does not follow: it is reported instead.
 */
function declareEntities(parser: SAXParser, doctype: string, found: ActiveContent[]): void {
  for (const [, percent, name, , value] of doctype.matchAll(ENTITY)) {
    if (percent !== undefined) found.push({ what: "a parameter entity (<!ENTITY %), which can hide markup", line: parser.line + 1, column: 1 });
    // Character references in an entity's value are replaced when it is declared, so "&#60;script" is markup.
    else if (name !== undefined && value !== undefined) parser.ENTITIES[name] = value.replace(/&#(x[0-9a-f]+|[0-9]+);/gi, characterOf);
  }
}

function characterOf(reference: string, code: string): string {
  const point = code.startsWith("x") || code.startsWith("X") ? Number.parseInt(code.slice(1), 16) : Number.parseInt(code, 10);
  return point <= 0x10ffff ? String.fromCodePoint(point) : reference;
}

/** What one start tag holds. Names are compared in lower case: naming too much costs a second look, naming too little a script. */
function inTag(tag: QualifiedTag): string[] {
  const found: string[] = [];
  if (tag.local === "script") found.push("a <script> element");
  if (tag.local === "foreignobject") found.push("a <foreignObject> element (a web page in the image)");
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.name !== "xmlns" && !attribute.name.startsWith("xmlns:") && /^on./.test(attribute.local)) found.push(`an ${attribute.local} attribute`);
    if (URL_ATTRIBUTES.has(attribute.local) && isJavascriptUrl(attribute.value)) found.push(`a javascript: URL (${attribute.local}="javascript:…")`);
  }
  return found;
}

/** Where a URL is followed: links, HTML inside <foreignObject>, and SMIL's <set>/<animate>, which can switch an href. */
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "to", "from", "by", "values"]);

/**
 * Browsers drop tabs, newlines and other controls inside a URL's scheme
 * ("java&#9;script:"), and <animate values> or <set to> is a list that can
 * switch an href to one.
 */
function isJavascriptUrl(value: string): boolean {
  const bare = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  return bare.startsWith("javascript:") || bare.includes(";javascript:");
}
