import { createHash } from "node:crypto";
import { allIssues, type Site, type SiteIssue } from "../site/model.js";
import { routeFile } from "../site/urls.js";
import { issueBody, isViewData, pageSpecs, renderPage, type PageSpec, type RenderEnv } from "../render/pages.js";
import { codeFingerprint } from "../incremental/fingerprint.js";
import { digest } from "../incremental/digest.js";
import { hashTree } from "../incremental/hash-tree.js";
import { exactJson } from "../incremental/exact-json.js";
import { memoDecoded, type Memo } from "../incremental/memo.js";
import { bodyAddress } from "./parse-issues.js";
import { linkLanguageIn, otherEditionLinks } from "../render/other-edition-links.js";
import type { PageLanguages } from "../site/page-languages.js";
import { isTemplateError, TemplateErrors } from "./template-error.js";
import type { LiquidError } from "liquidjs";
import type { SiteConfig } from "../config.js";
import { pageImageHtml, pageImageSizes, type ImageLook, type PageImageSize } from "../render/page-images.js";

export interface RenderedPage {
  path: string;
  spec: PageSpec;
  html: Uint8Array;
  /** Content address of the HTML (the memo key). */
  key: string;
}

export interface PageStats {
  /** Pages that went through Liquid in this run. */
  rendered: number;
  /** Pages whose earlier HTML was reused. */
  reused: number;
}

/**
 * How pages are rendered in one run: the environment, the fingerprint of
 * everything besides a page's own data (see pageFingerprint), the memo, and
 * each issue's body, filled in (block partials) only when a page or feed
 * that shows it is rendered.
 */
export class PageRenderer {
  readonly stats: PageStats = { rendered: 0, reused: 0 };
  private readonly tokens = new Map<SiteIssue, string>();
  private readonly byToken = new Map<string, SiteIssue>();

  /**
   * `pages`: the site's pages and their languages (page-languages.ts), which issue bodies' links to another edition are marked by.
   * `images`: public/'s images, whose sizes an issue page writes on its <img> elements (page-images.ts).
   */
  constructor(readonly env: RenderEnv, readonly fingerprint: string, private readonly memo: Memo, readonly pages: PageLanguages, readonly images: ImageLook = () => undefined) {}

  /** The stand-in for an issue's body in page data: a hash of its inputs, so a page key never needs the body itself. */
  token(entry: SiteIssue): string {
    let token = this.tokens.get(entry);
    if (token === undefined) {
      token = `${BODY_TOKEN}${bodyKey(entry, this.fingerprint, otherEditionLinks(entry.body, linkLanguageIn(this.env, this.pages, entry)))}`;
      this.tokens.set(entry, token);
      this.byToken.set(token, entry);
    }
    return token;
  }

  /**
   * The stand-in for an issue's body on its own page: the body's token and
   * the sizes of its images in public/, which the page writes on its <img>
   * elements (withBody). In the page's key, so an image that changes size
   * changes the pages that show it, and nothing else: the feeds and the
   * email, which show the body without them, keep theirs.
   */
  pageToken(entry: SiteIssue): string {
    const sizes = pageImageSizes(entry.body.links, this.env.config, entry.route, this.images);
    return `${this.token(entry)}${SIZES_MARK}${JSON.stringify(sizes)}`;
  }

  /** An issue's body with its blocks filled in, in the issue's language. */
  async body(entry: SiteIssue): Promise<string> {
    const key = this.token(entry).slice(BODY_TOKEN.length);
    const bytes = await this.memo(key, () => Buffer.from(issueBody(this.env, entry, this.pages), "utf8"));
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  }

  /** Any other text made from pages' data (feeds), memoised beside the pages under `key`. */
  async made<T>(key: string, make: () => Promise<Uint8Array>, decode: (bytes: Uint8Array) => T): Promise<T> {
    return memoDecoded(this.memo, key, make, decode);
  }

  /** A value stored under `key`, unread (see Memo.stored); undefined when it must be made. */
  stored(key: string): (() => Uint8Array) | undefined {
    return this.memo.stored?.(key);
  }

  /**
   * Pages from their specs; a page whose key is in the memo is not rendered
   * again, and its bytes are read only if something asks for them (the
   * write links an unchanged file from the last build without reading it).
   */
  async render(specs: readonly PageSpec[]): Promise<RenderedPage[]> {
    const pages: RenderedPage[] = [];
    const broken: LiquidError[] = [];
    for (const spec of specs) {
      try {
        pages.push(await this.renderOne(spec));
      } catch (error) {
        if (!isTemplateError(error)) throw error;
        broken.push(error);
      }
    }
    if (broken.length > 0) throw new TemplateErrors(broken);
    return pages;
  }

  /** One page: from the memo when its key is there, else through Liquid. */
  private async renderOne(spec: PageSpec): Promise<RenderedPage> {
    const path = routeFile(spec.route);
    const key = pageKey(this.fingerprint, path, spec);
    if (key === undefined) {
      // Data its JSON cannot name (see exact-json.ts): rendered every time, named by its HTML.
      const html = await this.make(spec);
      this.stats.rendered++;
      return { path, spec, html, key: digest("gekkan-page-html-1", html) };
    }
    const stored = this.stored(key);
    if (stored !== undefined) {
      this.stats.reused++;
      return deferredPage(path, spec, key, stored);
    }
    let fresh = false;
    const html = await this.memo(key, async () => {
      fresh = true;
      return this.make(spec);
    });
    if (fresh) this.stats.rendered++;
    else this.stats.reused++;
    return { path, spec, html, key };
  }

  /** A page through Liquid, its issue body filled in. */
  private async make(spec: PageSpec): Promise<Uint8Array> {
    return renderPage(await this.withBody(spec), this.env);
  }

  private async withBody(spec: PageSpec): Promise<PageSpec> {
    const html = spec.data.html;
    if (typeof html !== "string" || !isBodyToken(html)) return spec;
    const mark = html.indexOf(SIZES_MARK);
    const entry = this.byToken.get(mark < 0 ? html : html.slice(0, mark));
    if (entry === undefined) throw new Error("gekkan bug: page spec names an unknown issue body");
    const body = await this.body(entry);
    return { ...spec, data: { ...spec.data, html: mark < 0 ? body : pageImageHtml(body, JSON.parse(html.slice(mark + SIZES_MARK.length)) as PageImageSize[]) } };
  }
}

/** Stage: the site → every HTML page. */
export async function renderPages(site: Site, renderer: PageRenderer): Promise<RenderedPage[]> {
  const tokens = new Map(allIssues(site).map((entry) => [entry, renderer.pageToken(entry)]));
  return renderer.render(pageSpecs(site, renderer.env, tokens));
}

/**
 * A page's memo key: its path and everything its HTML is made from. The
 * data goes in as UTF-16 code units, which is lossless for any JavaScript
 * string and, for the mostly non-Latin text of page data, much cheaper to
 * hash than UTF-8. An issue card or reference row stands in as the digest
 * of its own JSON: the same card is on many pages (every list that shows the
 * issue, its neighbours' pages), and a row's digest also names its fragment
 * (partial-memo.ts), so each is serialised and hashed once per run, not once
 * per page.
 */
export function pageKey(fingerprint: string, path: string, spec: PageSpec): string | undefined {
  const json = exactJson(spec, dataDigest, isBodyToken);
  if (json === undefined) return undefined;
  const hash = createHash("sha256").update(`gekkan-page-4\0${fingerprint}\0${path}\0`);
  // In slices: encoding a page's megabytes of data at once would need a buffer as large, every time.
  for (let at = 0; at < json.length; at += KEY_SLICE) hash.update(json.slice(at, at + KEY_SLICE), "utf16le");
  return hash.digest("hex");
}

const KEY_SLICE = 1 << 15;

/** Digests of view data by object (see pageKey); null: data its JSON cannot name exactly. */
const dataDigests = new WeakMap<object, string | null>();

/**
 * The stand-in of a card or row a view made (see isViewData): the digest of
 * its exact JSON (exact-json.ts), the view data inside it standing in by
 * their own digests; it starts with a NUL, which no plain string in a key
 * can. Undefined when `value` is not view data or its JSON cannot name it.
 */
export function dataDigest(value: object): string | undefined {
  if (!isViewData(value)) return undefined;
  let standIn = dataDigests.get(value);
  if (standIn === undefined) {
    const json = exactJson(value, (inner) => (inner === value ? undefined : dataDigest(inner)));
    standIn = json === undefined ? null : `${DATA_TOKEN}${digest("gekkan-view-data-1", json)}`;
    dataDigests.set(value, standIn);
  }
  return standIn ?? undefined;
}

const DATA_TOKEN = "\u0000gekkan-data:";

/** A reused page whose bytes are read on first use. */
function deferredPage(path: string, spec: PageSpec, key: string, read: () => Uint8Array): RenderedPage {
  let html: Uint8Array | undefined;
  return {
    path, spec, key,
    get html() {
      html ??= read();
      return html;
    },
  };
}

const BODY_TOKEN = "\u0000gekkan-body:";

/** Parts a page's body token (pageToken) from the JSON of its image sizes: no body token (a hex digest) holds a NUL. */
const SIZES_MARK = "\u0000images:";

/** An issue body's stand-in in page data: it names the body by its inputs (see bodyKey). */
function isBodyToken(text: string): boolean {
  return text.startsWith(BODY_TOKEN);
}

/** Body keys by body object: objects reused across `gekkan dev` runs are hashed once. */
const bodyKeys = new WeakMap<object, { tag: string; key: string }>();

/**
 * Everything issueBodyHtml reads besides templates and locales (in the
 * fingerprint): the body and its blocks, the language and the URL, and
 * `marked`, the links it marks as leading to another edition with their
 * languages (other-edition-links.ts), which other issues decide.
 */
function bodyKey(entry: SiteIssue, fingerprint: string, marked: string): string {
  const tag = `${fingerprint}\0${entry.route}\0${entry.issue.lang}\0${marked}`;
  const known = bodyKeys.get(entry.body);
  if (known?.tag === tag) return known.key;
  // The issue's own content address names its body and blocks; hashing them is the fallback.
  const address = bodyAddress(entry.body);
  const key = address === undefined ? digest("gekkan-body-1", tag, entry.body.html, JSON.stringify(entry.body.blocks)) : digest("gekkan-body-2", tag, address);
  bodyKeys.set(entry.body, { tag, key });
  return key;
}

/**
 * Everything a page's HTML depends on besides its spec: gekkan's code and
 * dependency versions (Liquid included), every template file and locale
 * pack, the config and the stylesheet URL. "Today" is not in it: it reaches a
 * page only through the data (an issue card's `future`), so it is in the spec.
 */
export function pageFingerprint(templateDirs: readonly string[], env: RenderEnv): string {
  const hash = createHash("sha256").update(`gekkan-pages-1\0${codeFingerprint()}\0`);
  templateDirs.forEach((dir, i) => {
    hash.update(`templates#${i}\0`);
    hashTree(hash, dir, true);
  });
  hash.update(JSON.stringify([...env.locales].map(([code, locale]) => [code, locale.pack])));
  hash.update("\0").update(JSON.stringify(placeFree(env.config))).update("\0").update(env.styleUrl);
  return hash.digest("hex");
}

/**
 * The config as a page can read it: without the site's folder on this
 * machine, which no page shows (templates and public files go in by their
 * names inside it). With it, a site moved or built where CI checks it out
 * under another path (a renamed repository, another runner) rendered every
 * page, email and search part again from a cache that held them all.
 */
function placeFree(config: SiteConfig): Omit<SiteConfig, "root"> {
  const { root: _root, ...rest } = config;
  return rest;
}
