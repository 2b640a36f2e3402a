import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { codeFingerprint } from "../cache/fingerprint.js";
import { hashTree, loadSnapshot, type DateWindow } from "../cache/output-snapshot.js";
import type { Site, SiteIssue } from "../site/model.js";
import { routeFile } from "../site/urls.js";
import type { OutputContent } from "../write/output.js";
import { issueBody, pageSpecs, renderPage, type PageSpec, type RenderEnv } from "./pages.js";

/** Per-page keys of the stored snapshot, next to it in the cache dir. */
export const PAGE_INDEX_FILE = "pages.json";

export interface PageMemoStats {
  /** Pages that went through Liquid in the last build. */
  rendered: number;
  /** Pages whose earlier HTML was reused. */
  reused: number;
  /** Issue bodies whose block partials were filled in the last build. */
  bodiesRendered: number;
}

export interface RenderedPage {
  path: string;
  spec: PageSpec;
  html: OutputContent;
}

interface PageEntry {
  key: string;
  html: OutputContent;
}

/**
 * Stands in for an issue body inside a page spec. It names the body's inputs
 * by hash, so the spec (and the page key) is still a pure function of
 * everything the page's HTML depends on, without filling the body first.
 */
const BODY_TOKEN = "\u0000gekkan-body:";

/**
 * Memo of rendered pages. A page's HTML is a pure function of the render
 * fingerprint (gekkan's code, templates, locales, config, stylesheet URL,
 * date window) and its page spec, so the key is a hash of both and a hit can never
 * be stale. `gekkan dev` keeps one across rebuilds; a build seeds one from the
 * previous output snapshot (see seedPageMemo).
 */
export class PageMemo {
  readonly stats: PageMemoStats = { rendered: 0, reused: 0, bodiesRendered: 0 };

  /**
   * `bytes`: keep pages as UTF-8 buffers, not strings. A build holds every
   * page until it is written, and V8 stores a page with any Japanese in it
   * at two bytes per character: buffers take about half the memory, off the
   * JS heap. Unchanged pages keep their very buffer, so the dev server's
   * identity check (output-diff.ts) still settles them without hashing.
   */
  constructor(private readonly options: { bytes?: boolean } = {}) {}
  private pages = new Map<string, PageEntry>();
  private bodies = new Map<string, string>();
  /** Body keys by body object: in dev, unchanged issues keep their objects, so their bodies are not even hashed again. */
  private bodyKeys = new WeakMap<object, { tag: string; key: string }>();

  /** Stores a page under its output path (seeding from a snapshot). */
  seed(path: string, key: string, html: OutputContent): void {
    this.pages.set(path, { key, html });
  }

  /** Output path → key of every page the last build produced, for the page index. */
  keys(): Array<[string, string]> {
    return [...this.pages].map(([path, entry]): [string, string] => [path, entry.key]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  clear(): void {
    this.pages = new Map();
    this.bodies = new Map();
    this.bodyKeys = new WeakMap();
  }

  /**
   * Every HTML page of the site, reusing the HTML of pages whose key is
   * unchanged. Also returns the issue bodies (filled on demand) for the feeds.
   */
  renderSite(site: Site, env: RenderEnv, fingerprint: string): { pages: RenderedPage[]; bodies: ReadonlyMap<SiteIssue, string> } {
    this.stats.rendered = 0;
    this.stats.reused = 0;
    this.stats.bodiesRendered = 0;
    const tokens = new Map<SiteIssue, string>();
    const bodyOf = new Map<string, SiteIssue>();
    for (const entry of site.issues) {
      const key = this.bodyKey(entry, fingerprint);
      tokens.set(entry, `${BODY_TOKEN}${key}`);
      bodyOf.set(key, entry);
    }
    const usedBodies = new Map<string, string>();
    // Captured now: feeds ask for bodies after this method has already swapped in `usedBodies`.
    const earlierBodies = this.bodies;
    const body = (entry: SiteIssue): string => {
      const key = (tokens.get(entry) ?? "").slice(BODY_TOKEN.length);
      let html = usedBodies.get(key) ?? earlierBodies.get(key);
      if (html === undefined) {
        html = issueBody(env, entry);
        this.stats.bodiesRendered++;
      }
      usedBodies.set(key, html);
      return html;
    };

    const next = new Map<string, PageEntry>();
    const pages: RenderedPage[] = [];
    for (const spec of pageSpecs(site, env, tokens)) {
      const path = routeFile(spec.route);
      const key = createHash("sha256").update(fingerprint).update("\0").update(path).update("\0").update(JSON.stringify(spec)).digest("hex");
      const earlier = this.pages.get(path);
      let html: OutputContent;
      if (earlier?.key === key) {
        html = earlier.html;
        this.stats.reused++;
      } else {
        const rendered = renderPage(withBody(spec, bodyOf, body), env);
        html = this.options.bytes === true ? Buffer.from(rendered, "utf8") : rendered;
        this.stats.rendered++;
      }
      next.set(path, { key, html });
      pages.push({ path, spec, html });
    }
    // Pages and bodies of this build only: removed issues drop out, and memory stays one site's worth.
    this.pages = next;
    this.bodies = usedBodies;
    return { pages, bodies: new LazyBodies(tokens, body) };
  }

  private bodyKey(entry: SiteIssue, fingerprint: string): string {
    const tag = `${fingerprint}\0${entry.route}\0${entry.issue.lang}`;
    const known = this.bodyKeys.get(entry.body);
    if (known?.tag === tag) return known.key;
    // Everything issueBodyHtml reads besides templates and locales (in the fingerprint): the body and its blocks, the language and the URL.
    const key = createHash("sha256").update(tag).update("\0").update(entry.body.html).update("\0").update(JSON.stringify(entry.body.blocks)).digest("hex");
    this.bodyKeys.set(entry.body, { tag, key });
    return key;
  }
}

/** The spec with its body token replaced by the real body, for rendering. */
function withBody(spec: PageSpec, bodyOf: ReadonlyMap<string, SiteIssue>, body: (entry: SiteIssue) => string): PageSpec {
  const html = spec.data.html;
  if (typeof html !== "string" || !html.startsWith(BODY_TOKEN)) return spec;
  const entry = bodyOf.get(html.slice(BODY_TOKEN.length));
  if (entry === undefined) throw new Error("gekkan bug: page spec names an unknown issue body");
  return { ...spec, data: { ...spec.data, html: body(entry) } };
}

/**
 * Issue bodies for the feeds, filled only when asked for: the feeds need a
 * few dozen of the newest issues, not all of them.
 */
class LazyBodies extends Map<SiteIssue, string> {
  constructor(private readonly tokens: ReadonlyMap<SiteIssue, string>, private readonly fill: (entry: SiteIssue) => string) {
    super();
  }

  override get(entry: SiteIssue): string | undefined {
    return this.tokens.has(entry) ? this.fill(entry) : undefined;
  }

  override has(entry: SiteIssue): boolean {
    return this.tokens.has(entry);
  }
}

/**
 * Everything a page's HTML depends on besides its spec: gekkan's code and
 * dependency versions (Liquid included), every template file and locale pack,
 * the config, the stylesheet URL and the window of days "today" may be in
 * without changing any page (see DateWindow). Cheap: a few dozen small files.
 */
export function renderFingerprint(templateDirs: readonly string[], env: RenderEnv, window: DateWindow): string {
  const hash = createHash("sha256").update(`gekkan-page-memo-1\0${codeFingerprint()}\0`);
  templateDirs.forEach((dir, i) => {
    hash.update(`templates#${i}\0`);
    hashTree(hash, dir, true);
  });
  hash.update(JSON.stringify([...env.locales].map(([code, locale]) => [code, locale.pack])));
  hash.update("\0").update(JSON.stringify(env.config)).update("\0").update(env.styleUrl).update("\0").update(`${window.from}\0${window.until}`);
  return hash.digest("hex");
}


interface PageIndex {
  /** The snapshot key the pages belong to. */
  snapshot: string;
  pages: Array<[string, string]>;
}

/**
 * Seeds `memo` with the pages of the previous build's output snapshot, so a
 * build with one changed issue renders only the pages whose key changed.
 * Any problem (no index, snapshot replaced or damaged) just seeds nothing.
 */
export async function seedPageMemo(memo: PageMemo, cacheDir: string): Promise<number> {
  let index: PageIndex;
  try {
    index = JSON.parse(readFileSync(join(cacheDir, PAGE_INDEX_FILE), "utf8")) as PageIndex;
  } catch {
    return 0;
  }
  // The snapshot must be the one the index was written for, or its bytes could belong to other keys.
  const previous = await loadSnapshot(cacheDir, index.snapshot);
  if (previous === undefined) return 0;
  let seeded = 0;
  for (const [path, key] of index.pages) {
    const html = previous.get(path);
    if (html === undefined) continue;
    memo.seed(path, key, html);
    seeded++;
  }
  return seeded;
}

/** Drops the page index; called before the snapshot it describes is replaced. */
export async function forgetPageIndex(cacheDir: string): Promise<void> {
  await rm(join(cacheDir, PAGE_INDEX_FILE), { force: true }).catch(() => undefined);
}

/** Records the page keys of the snapshot just stored under `snapshot`. Best effort, like the snapshot. */
export async function savePageIndex(cacheDir: string, snapshot: string, memo: PageMemo): Promise<void> {
  const index: PageIndex = { snapshot, pages: memo.keys() };
  const temp = join(cacheDir, `${PAGE_INDEX_FILE}.tmp-${process.pid}`);
  try {
    await writeFile(temp, JSON.stringify(index));
    await rename(temp, join(cacheDir, PAGE_INDEX_FILE));
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}
