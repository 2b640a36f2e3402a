/**
 * Fetch-based link checker: starts at one page, follows every same-origin
 * reference found in HTML (a/link/area href, script/img/iframe/source/
 * video/audio/track/embed src, img/source srcset, video poster, object data,
 * SVG use/image href, og:image / twitter:image meta, <meta refresh>) and in
 * CSS (url(), @import), and records each URL's HTTP status.
 *
 * No HTML parser is available in node_modules (no parse5 / hast-util-from-html),
 * so this uses a small tag tokenizer that skips comments, <script>/<style>
 * bodies and handles quoted/unquoted attributes and character references.
 */

export interface CrawlOptions {
  /** Stop after this many URLs have been fetched (safety valve). Default 5000. */
  maxUrls?: number;
  /** Concurrent fetches. Default 8. */
  concurrency?: number;
  /** Extra site paths to start from (e.g. pages nothing links to). */
  extraStartPaths?: readonly string[];
  /**
   * Also verify that `#fragment` targets exist (an element with that id, or
   * <a name>) in crawled HTML pages, including same-page `#fragment` links.
   * Default false (fragment-only links are ignored).
   */
  checkFragments?: boolean;
  /** Predicate to skip same-origin URLs (e.g. u => u.pathname.endsWith('.pdf')). */
  ignore?: (url: URL) => boolean;
}

export interface CrawlReference {
  /** Page the reference was found on (absolute URL, no fragment). */
  page: string;
  /** How it was referenced, e.g. 'a[href]', 'img[srcset]', 'css url()'. */
  via: string;
  /** The attribute value as written. */
  raw: string;
}

export interface BrokenLink {
  url: string;
  /** HTTP status, 0 for a network error, -1 for a missing fragment. */
  status: number;
  error?: string;
  foundOn: CrawlReference[];
}

export interface CrawlResult {
  /** Every fetched same-origin URL (no fragment) → final HTTP status (0 = network error). */
  statuses: Map<string, number>;
  /** HTML pages that were parsed. */
  pages: string[];
  /** URLs with status >= 400 / network errors (and missing fragments if enabled). */
  broken: BrokenLink[];
  /** True if maxUrls stopped the crawl early. */
  truncated: boolean;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? m;
  });
}

export interface HtmlTag {
  name: string;
  attrs: Map<string, string>;
}

const TAG_NAME_RE = /[a-zA-Z][a-zA-Z0-9:-]*/y;
const ATTR_NAME_RE = /[^\s"'>/=]+/y;
const UNQUOTED_RE = /[^\s>]*/y;

/** Tokenizes start tags of an HTML document (lower-cased names, decoded attribute values). */
export function parseStartTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  const len = html.length;
  let i = 0;
  while (i < len) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? len : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      const end = html.indexOf('>', lt + 1);
      i = end === -1 ? len : end + 1;
      continue;
    }
    TAG_NAME_RE.lastIndex = lt + 1;
    const nameMatch = TAG_NAME_RE.exec(html);
    if (!nameMatch) {
      i = lt + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    let j = lt + 1 + nameMatch[0].length;
    const attrs = new Map<string, string>();
    // Attribute loop.
    while (j < len) {
      while (j < len && /[\s/]/.test(html[j] ?? '')) j++;
      if (j >= len || html[j] === '>') break;
      ATTR_NAME_RE.lastIndex = j;
      const attrMatch = ATTR_NAME_RE.exec(html);
      if (!attrMatch) {
        j++;
        continue;
      }
      const attrName = attrMatch[0].toLowerCase();
      j += attrMatch[0].length;
      while (j < len && /\s/.test(html[j] ?? '')) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < len && /\s/.test(html[j] ?? '')) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, j + 1);
          value = html.slice(j + 1, end === -1 ? len : end);
          j = end === -1 ? len : end + 1;
        } else {
          UNQUOTED_RE.lastIndex = j;
          value = UNQUOTED_RE.exec(html)?.[0] ?? '';
          j += value.length;
        }
      }
      if (!attrs.has(attrName)) attrs.set(attrName, decodeEntities(value));
    }
    tags.push({ name, attrs });
    i = j + 1;
    // Raw-text elements: skip to the matching end tag.
    if (name === 'script' || name === 'style' || name === 'textarea' || name === 'title' || name === 'xmp') {
      const closeRe = new RegExp(`</${name}`, 'gi');
      closeRe.lastIndex = i;
      const close = closeRe.exec(html)?.index ?? -1;
      if (name === 'style' && close !== -1) {
        tags.push({ name: '#style-text', attrs: new Map([['text', html.slice(i, close)]]) });
      }
      i = close === -1 ? len : close;
    }
  }
  return tags;
}

/** Parses a srcset attribute into its URLs (per the HTML spec's candidate syntax). */
export function parseSrcset(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  const s = srcset;
  while (i < s.length) {
    while (i < s.length && /[\s,]/.test(s[i] ?? '')) i++;
    if (i >= s.length) break;
    const start = i;
    while (i < s.length && !/\s/.test(s[i] ?? '')) i++;
    let url = s.slice(start, i);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      // Skip descriptors up to the next comma (parentheses may contain commas).
      let depth = 0;
      while (i < s.length) {
        const c = s[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
        i++;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/** Extracts url(...) and @import references from CSS text. */
export function cssReferences(css: string): string[] {
  const out: string[] = [];
  const stripped = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of stripped.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)) {
    const v = m[1] ?? m[2] ?? m[3] ?? '';
    if (v) out.push(v);
  }
  for (const m of stripped.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) {
    const v = m[1] ?? m[2] ?? '';
    if (v) out.push(v);
  }
  return out;
}

interface FoundRef {
  via: string;
  raw: string;
}

const SRC_TAGS = new Set(['script', 'img', 'iframe', 'source', 'video', 'audio', 'track', 'embed', 'input', 'frame']);
const IGNORED_LINK_RELS = new Set(['preconnect', 'dns-prefetch']);

/** All references in an HTML document, plus ids (for fragment checks) and <base href>. */
export function htmlReferences(html: string): { refs: FoundRef[]; ids: Set<string>; base: string | undefined } {
  const refs: FoundRef[] = [];
  const ids = new Set<string>();
  let base: string | undefined;
  for (const tag of parseStartTags(html)) {
    const { name, attrs } = tag;
    const get = (a: string): string | undefined => attrs.get(a);
    const id = get('id');
    if (id !== undefined) ids.add(id);
    if (name === '#style-text') {
      for (const r of cssReferences(get('text') ?? '')) refs.push({ via: 'style url()', raw: r });
      continue;
    }
    const style = get('style');
    if (style) for (const r of cssReferences(style)) refs.push({ via: `${name}[style] url()`, raw: r });
    if (name === 'base') {
      base ??= get('href');
      continue;
    }
    if (name === 'a' && get('name') !== undefined) ids.add(get('name') ?? '');
    if (name === 'a' || name === 'area') {
      const href = get('href');
      if (href !== undefined) refs.push({ via: `${name}[href]`, raw: href });
    } else if (name === 'link') {
      const href = get('href');
      const rels = (get('rel') ?? '').toLowerCase().split(/\s+/);
      if (href !== undefined && !rels.some((r) => IGNORED_LINK_RELS.has(r))) refs.push({ via: 'link[href]', raw: href });
      const imagesrcset = get('imagesrcset');
      if (imagesrcset) for (const u of parseSrcset(imagesrcset)) refs.push({ via: 'link[imagesrcset]', raw: u });
    } else if (name === 'meta') {
      const key = (get('property') ?? get('name') ?? '').toLowerCase();
      const content = get('content');
      if (content && /^(og:image|og:image:url|og:image:secure_url|og:audio|og:video|twitter:image|twitter:image:src)$/.test(key)) {
        refs.push({ via: `meta[${key}]`, raw: content });
      }
      if ((get('http-equiv') ?? '').toLowerCase() === 'refresh' && content) {
        const m = /url\s*=\s*['"]?([^'"]+)/i.exec(content);
        if (m?.[1]) refs.push({ via: 'meta[refresh]', raw: m[1].trim() });
      }
    } else if (name === 'use' || name === 'image') {
      const href = get('href') ?? get('xlink:href');
      if (href !== undefined) refs.push({ via: `${name}[href]`, raw: href });
    } else if (name === 'object') {
      const data = get('data');
      if (data) refs.push({ via: 'object[data]', raw: data });
    }
    if (SRC_TAGS.has(name)) {
      const src = get('src');
      if (src !== undefined && !(name === 'input' && (get('type') ?? '').toLowerCase() !== 'image')) {
        refs.push({ via: `${name}[src]`, raw: src });
      }
      const srcset = get('srcset');
      if (srcset) for (const u of parseSrcset(srcset)) refs.push({ via: `${name}[srcset]`, raw: u });
      const poster = get('poster');
      if (poster) refs.push({ via: `${name}[poster]`, raw: poster });
    }
  }
  return { refs, ids, base };
}

const IGNORED_SCHEMES = /^(mailto|tel|sms|javascript|data|blob|about|irc|news|geo|urn):/i;

/** What one crawl has seen so far: every URL's status, who links where, and each page's ids. */
class Crawl {
  readonly statuses = new Map<string, number>();
  readonly errors = new Map<string, string>();
  readonly refsTo = new Map<string, CrawlReference[]>();
  readonly pageIds = new Map<string, Set<string>>();
  readonly fragmentRefs: Array<{ target: string; fragment: string; ref: CrawlReference }> = [];
  readonly pages: string[] = [];
  readonly queued = new Set<string>();
  readonly queue: string[] = [];
  truncated = false;
  private readonly origin: string;

  constructor(origin: string, private readonly options: CrawlOptions) {
    this.origin = new URL(origin).origin;
  }

  enqueue(url: URL, ref: CrawlReference | null): void {
    if (url.origin !== this.origin || this.options.ignore?.(url)) return;
    const fragment = url.hash.slice(1);
    url.hash = '';
    const key = url.href;
    if (ref) {
      const list = this.refsTo.get(key) ?? [];
      list.push(ref);
      this.refsTo.set(key, list);
      if (this.options.checkFragments && fragment) this.fragmentRefs.push({ target: key, fragment, ref });
    }
    if (this.queued.has(key)) return;
    if (this.queued.size >= (this.options.maxUrls ?? 5000)) {
      this.truncated = true;
      return;
    }
    this.queued.add(key);
    this.queue.push(key);
  }

  async visit(url: string): Promise<void> {
    let res: Response;
    try {
      res = await fetch(url, { redirect: 'follow', headers: { 'user-agent': 'gekkan-test-crawler' } });
    } catch (err) {
      this.statuses.set(url, 0);
      const cause = err instanceof Error && err.cause instanceof Error ? ` (${err.cause.message})` : '';
      this.errors.set(url, `${err instanceof Error ? err.message : String(err)}${cause}`);
      return;
    }
    this.statuses.set(url, res.status);
    const finalUrl = res.url || url;
    const type = (res.headers.get('content-type') ?? '').toLowerCase();
    const isHtml = type.includes('text/html') || type.includes('application/xhtml');
    const isCss = type.includes('text/css');
    if (!res.ok || (!isHtml && !isCss) || new URL(finalUrl).origin !== this.origin) {
      await res.body?.cancel();
      return;
    }
    const text = await res.text();
    if (isCss) this.followCss(url, finalUrl, text);
    else this.followHtml(url, finalUrl, text);
  }

  private followCss(url: string, finalUrl: string, text: string): void {
    for (const raw of cssReferences(text)) {
      const u = resolveRef(raw, finalUrl);
      if (u) this.enqueue(u, { page: url, via: 'css url()', raw });
    }
  }

  private followHtml(url: string, finalUrl: string, text: string): void {
    this.pages.push(url);
    const { refs, ids, base } = htmlReferences(text);
    this.pageIds.set(url, ids);
    if (finalUrl !== url) this.pageIds.set(finalUrl, ids);
    const baseUrl = base ? (resolveRef(base, finalUrl)?.href ?? finalUrl) : finalUrl;
    for (const { via, raw } of refs) {
      const trimmed = raw.trim();
      if (trimmed.startsWith('#')) {
        if (this.options.checkFragments && trimmed.length > 1) this.fragmentRefs.push({ target: url, fragment: trimmed.slice(1), ref: { page: url, via, raw } });
        continue;
      }
      const u = resolveRef(raw, baseUrl);
      if (u) this.enqueue(u, { page: url, via, raw });
    }
  }

  /** Visits the queue, `concurrency` at a time, until nothing is queued or running. */
  async drain(concurrency: number): Promise<void> {
    const active = new Set<Promise<void>>();
    while (this.queue.length > 0 || active.size > 0) {
      while (this.queue.length > 0 && active.size < concurrency) {
        const next = this.queue.shift();
        if (next === undefined) break;
        const p: Promise<void> = this.visit(next).finally(() => active.delete(p));
        active.add(p);
      }
      if (active.size > 0) await Promise.race(active);
    }
  }

  /** Every URL answered with an error (or not at all), and with checkFragments every #fragment no page has. */
  broken(): BrokenLink[] {
    const broken: BrokenLink[] = [];
    for (const [url, status] of this.statuses) {
      if (status !== 0 && status < 400) continue;
      const entry: BrokenLink = { url, status, foundOn: this.refsTo.get(url) ?? [] };
      const error = this.errors.get(url);
      if (error !== undefined) entry.error = error;
      broken.push(entry);
    }
    if (this.options.checkFragments) broken.push(...this.missingFragments());
    return broken.sort((a, b) => a.url.localeCompare(b.url));
  }

  private missingFragments(): BrokenLink[] {
    const missing = new Map<string, CrawlReference[]>();
    for (const { target, fragment, ref } of this.fragmentRefs) {
      const ids = this.pageIds.get(target);
      if (!ids) continue; // not an HTML page we parsed (or already broken)
      let decoded = fragment;
      try {
        decoded = decodeURIComponent(fragment);
      } catch {
        // keep raw
      }
      if (ids.has(decoded) || ids.has(fragment) || decoded === 'top') continue;
      const key = `${target}#${fragment}`;
      const list = missing.get(key) ?? [];
      list.push(ref);
      missing.set(key, list);
    }
    return [...missing].map(([url, foundOn]) => ({ url, status: -1, error: 'fragment target not found', foundOn }));
  }
}

function resolveRef(raw: string, baseUrl: string): URL | null {
  const v = raw.trim();
  if (v === '' || IGNORED_SCHEMES.test(v)) return null;
  try {
    return new URL(v, baseUrl);
  } catch {
    return null;
  }
}

/**
 * Crawls a site starting at `origin + startPath`, following same-origin
 * references only. Returns every status seen and the broken URLs together
 * with the pages (and attributes) that reference them.
 */
export async function crawlSite(origin: string, startPath: string, options: CrawlOptions = {}): Promise<CrawlResult> {
  const crawl = new Crawl(origin, options);
  crawl.enqueue(new URL(startPath, origin), null);
  for (const p of options.extraStartPaths ?? []) crawl.enqueue(new URL(p, origin), null);
  await crawl.drain(options.concurrency ?? 8);
  return { statuses: crawl.statuses, pages: crawl.pages.sort(), broken: crawl.broken(), truncated: crawl.truncated };
}

/** Readable report of broken links ('' when none), for `expect(formatBrokenLinks(r.broken)).toBe('')`. */
export function formatBrokenLinks(broken: readonly BrokenLink[], origin?: string): string {
  const short = (u: string): string => (origin && u.startsWith(origin) ? u.slice(origin.length) : u);
  const lines: string[] = [];
  for (const b of broken) {
    const what = b.status === -1 ? 'missing #fragment' : b.status === 0 ? `network error: ${b.error ?? ''}` : `HTTP ${b.status}`;
    lines.push(`${short(b.url)}  ${what}`);
    for (const r of b.foundOn.slice(0, 10)) lines.push(`    on ${short(r.page)} via ${r.via}="${r.raw}"`);
    if (b.foundOn.length > 10) lines.push(`    … and ${b.foundOn.length - 10} more`);
    if (b.foundOn.length === 0) lines.push('    (start URL)');
  }
  return lines.join('\n');
}
