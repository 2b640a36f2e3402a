/** A real XML parse (xml-js, on top of the strict sax parser; installed with `feed`). */
import sax from "sax";
import { xml2js, type Element as XmlNode } from "xml-js";

export type { XmlNode };

/** Parses an XML document strictly (throws on malformed XML) and returns its root element. */
export function parseXml(xml: string): XmlNode {
  const doc = xml2js(xml, { compact: false }) as XmlNode;
  const root = (doc.elements ?? []).find((e) => e.type === "element");
  if (!root) throw new Error("XML document has no root element");
  return root;
}

export function children(node: XmlNode, name?: string): XmlNode[] {
  return (node.elements ?? []).filter((e) => e.type === "element" && (name === undefined || e.name === name));
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** Concatenated text and CDATA of an element's direct children. */
export function text(node: XmlNode | undefined): string {
  if (!node) return "";
  return (node.elements ?? [])
    .map((e) => (e.type === "text" ? String(e.text ?? "") : e.type === "cdata" ? (e.cdata ?? "") : ""))
    .join("");
}

export function xmlAttr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.attributes?.[name];
  return v === undefined ? undefined : String(v);
}

/**
 * The XML text value (its text and CDATA, references decoded) of each
 * element named `name` whose parent is named `parent`, in document order.
 * Read by the sax parser alone, not through xml-js, with which the feed
 * library writes: an oracle for feeds apart from the code that made them.
 */
export function textValues(xml: string, parent: string, name: string): string[] {
  const parser = sax.parser(true);
  const open: string[] = [];
  const values: string[] = [];
  let value: string | undefined;
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    open.push(tag.name);
    if (tag.name === name && open.at(-2) === parent) value = "";
  };
  parser.ontext = parser.oncdata = (chunk) => {
    if (value !== undefined && open.at(-1) === name) value += chunk;
  };
  parser.onclosetag = (tag) => {
    if (tag === name && value !== undefined) {
      values.push(value);
      value = undefined;
    }
    open.pop();
  };
  parser.write(xml).close();
  return values;
}
