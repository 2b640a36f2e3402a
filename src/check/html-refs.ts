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
  return { references, ids };
}

function srcsetUrls(srcset: string): string[] {
  return srcset.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "").filter((url) => url !== "");
}

/** url(…) and @import "…" in a stylesheet, comments skipped. */
export function cssReferences(css: string): Reference[] {
  const blanked = blankComments(css);
  const found: Reference[] = [];
  // Blanks after the value are part of each choice, so a run of them splits one way only (the empty value is the group left out).
  for (const m of blanked.matchAll(/url\(\s*(?:"([^"]*)"\s*|'([^']*)'\s*|([^)\s]+)\s*)?\)/gi)) {
    found.push({ via: "css url()", url: m[1] ?? m[2] ?? m[3] ?? "", offset: m.index });
  }
  for (const m of blanked.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) {
    found.push({ via: "css @import", url: m[1] ?? m[2] ?? "", offset: m.index });
  }
  return found.filter((r) => r.url !== "");
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
