/**
 * The part of sax (the XML parser that feed's xml-js already brings in) that
 * svg-active-content.ts, svg-size.ts and the tests' XML oracle (test/helpers/xml.ts)
 * use: sax ships no types of its own.
 */
declare module "sax" {
  export interface QualifiedAttribute {
    name: string;
    value: string;
    local: string;
  }
  export interface QualifiedTag {
    name: string;
    local: string;
    uri: string;
    attributes: Record<string, QualifiedAttribute>;
  }
  export interface SAXOptions {
    xmlns?: boolean;
    lowercase?: boolean;
    position?: boolean;
    unparsedEntities?: boolean;
    maxEntityCount?: number;
    maxEntityDepth?: number;
  }
  export interface SAXParser {
    line: number;
    column: number;
    /** How many entity expansions deep the parser is (unparsedEntities). */
    entityDepth: number;
    error: Error | null;
    ENTITIES: Record<string, string>;
    onerror: (error: Error) => void;
    ondoctype: (doctype: string) => void;
    onopentagstart: (tag: { name: string }) => void;
    onopentag: (tag: QualifiedTag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    oncdata: (cdata: string) => void;
    write(text: string): SAXParser;
    close(): SAXParser;
  }
  const sax: { parser(strict: boolean, options?: SAXOptions): SAXParser };
  export default sax;
}
