import { srcsetUrls } from "../markdown/srcset.js";

/** A URL an HTML or CSS file refers to, with where it sits in that file. */
export interface Reference {
  /** How it is referenced, e.g. "a[href]", "img[srcset]", "css url()". */
  via: string;
  /** The value as the browser sees it (entities decoded). */
  url: string;
  /** Offset of the tag (HTML) or the url() (CSS) in the file. */
  offset: number;
}

export interface HtmlFacts {
  references: Reference[];
  /** Every id (and <a name>) on the page: the valid #fragments. */
  ids: Set<string>;
  /** The ids of the page's headings (h2…h6) in page order: what a broken anchor with nothing near it is shown to choose from. */
  headings: string[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Tag → attributes that hold a single URL. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ["href"], area: ["href"], link: ["href"], img: ["src"], script: ["src"], iframe: ["src"], embed: ["src"],
  source: ["src"], track: ["src"], audio: ["src"], video: ["src", "poster"], object: ["data"],
};
const SRCSET_TAGS = new Set(["img", "source"]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);
const IGNORED_RELS = new Set(["preconnect", "dns-prefetch"]);
const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * Start tags of gekkan's own output, which is well-formed: a small tokenizer
 * that skips comments and raw-text bodies is enough to find every reference
 * and id without an HTML parser dependency.
 */
export function htmlFacts(html: string): HtmlFacts {
  const references: Reference[] = [];
  const ids = new Set<string>();
  const headings: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) break;
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const match = TAG.exec(html);
    if (!match) {
      i = lt + 1;
      continue;
    }
    const name = (match[1] ?? "").toLowerCase();
    const attributes = new Map<string, string>();
    for (const a of (match[2] ?? "").matchAll(ATTRIBUTE)) {
      const key = (a[1] ?? "").toLowerCase();
      if (!attributes.has(key)) attributes.set(key, decodeEntities(a[2] ?? a[3] ?? a[4] ?? ""));
    }
    const id = attributes.get("id");
    if (id !== undefined) ids.add(id);
    // h1 is the page's title, never a place to link inside the page.
    if (id !== undefined && /^h[2-6]$/.test(name)) headings.push(id);
    if (name === "a" && attributes.has("name")) ids.add(attributes.get("name") ?? "");
    const rels = (attributes.get("rel") ?? "").toLowerCase().split(/\s+/);
    if (!(name === "link" && rels.some((r) => IGNORED_RELS.has(r)))) {
      for (const attr of URL_ATTRIBUTES[name] ?? []) {
        const value = attributes.get(attr);
        if (value !== undefined) references.push({ via: `${name}[${attr}]`, url: value.trim(), offset: lt });
      }
    }
    const srcset = attributes.get("srcset");
    if (SRCSET_TAGS.has(name) && srcset !== undefined) {
      for (const url of srcsetUrls(srcset)) references.push({ via: `${name}[srcset]`, url, offset: lt });
    }
    i = TAG.lastIndex;
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      i = close === -1 ? html.length : close;
    }
  }
  return { references, ids, headings };
}

/** url(…) and @import "…" in a stylesheet, comments skipped. */
export function cssReferences(css: string): Reference[] {
  const blanked = blankComments(css);
  const found: Reference[] = cssUrls(blanked).map(({ url, offset }) => ({ via: "css url()", url, offset }));
  for (const m of blanked.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) {
    found.push({ via: "css @import", url: m[1] ?? m[2] ?? "", offset: m.index });
  }
  return found.filter((r) => r.url !== "");
}

/**
 * url(…) values as /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi finds
 * them, by hand: that pattern scans to the end of the file from every url(
 * whose value never closes. Each search below remembers where it ended, and
 * the url( found come in order, so no stretch is scanned twice.
 */
function cssUrls(css: string): Array<{ url: string; offset: number }> {
  const found: Array<{ url: string; offset: number }> = [];
  const find = urlFinders(css);
  const start = /url\(/gi;
  for (let m = start.exec(css); m !== null; m = start.exec(css)) {
    const value = urlValue(css, m.index + 4, find);
    if (value === undefined) continue;
    found.push({ url: value.url, offset: m.index });
    start.lastIndex = value.end;
  }
  return found;
}

/** One finder per search a url( makes: each starts further on than its last one did. */
function urlFinders(css: string) {
  return {
    value: forwardFinder(css, /\S/),
    double: forwardFinder(css, /"/),
    single: forwardFinder(css, /'/),
    afterQuote: forwardFinder(css, /\S/),
    valueEnd: forwardFinder(css, /[)\s]/),
    afterValue: forwardFinder(css, /\S/),
  };
}

/** The value of a url( whose text starts at `at`, and where the ) after it ends; undefined when the pattern finds none. */
function urlValue(css: string, at: number, find: ReturnType<typeof urlFinders>): { url: string; end: number } | undefined {
  const value = find.value(at);
  const quote = css.charAt(value);
  if (quote === '"' || quote === "'") {
    const close = (quote === '"' ? find.double : find.single)(value + 1);
    const paren = close < css.length ? find.afterQuote(close + 1) : css.length;
    if (css.charAt(paren) === ")") return { url: css.slice(value + 1, close), end: paren + 1 };
  }
  const stop = find.valueEnd(value);
  const paren = find.afterValue(stop);
  return css.charAt(paren) === ")" ? { url: css.slice(value, stop), end: paren + 1 } : undefined;
}

/**
 * The first index at or after `from` whose character `kind` matches, or the
 * text's length. It keeps its last search: one that starts inside the
 * stretch that search crossed ends where it ended, so searches whose `from`
 * never goes back cross each character once.
 */
function forwardFinder(text: string, kind: RegExp): (from: number) => number {
  let last = { from: 0, to: -1 };
  return (from) => {
    if (from >= last.from && from <= last.to) return last.to;
    let to = from;
    while (to < text.length && !kind.test(text.charAt(to))) to++;
    last = { from, to };
    return to;
  };
}

/**
 * Comments blanked out, their length kept so offsets still point into the
 * file. By hand: a pattern retries every unclosed "/*" to the end.
 */
function blankComments(css: string): string {
  let out = "";
  let at = 0;
  for (let open = css.indexOf("/*"); open !== -1; open = css.indexOf("/*", at)) {
    const close = css.indexOf("*/", open + 2);
    if (close === -1) break;
    out += css.slice(at, open) + " ".repeat(close + 2 - open);
    at = close + 2;
  }
  return out + css.slice(at);
}

/** 1-based line and column of an offset. */
export function placeOfOffset(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
