/**
 * The sample site (content/issues/2011/) built once with base /gekkan/ and
 * checked without a browser: sitemap/robots/404, head metadata, page
 * structure, labels, prev/next, base-path rewriting and the feeds (real XML
 * and HTML parses, no regexes over markup).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { BASE, REPO_ROOT, SITE_URL, buildSampleSite, routeOf, type SampleSite } from "../helpers/sample-build.js";
import { attr, byTag, describeElement, find, links, meta, normalizeSpace, parseHtml, textContent, urlAttributes, type Document } from "../helpers/html.js";
import { child, children, parseXml, text, xmlAttr, type XmlNode } from "../helpers/xml.js";

const ISSUES = ["issues/2011-04/", "issues/2011-05/"] as const;
/** The English translation of issue 1: the English edition's one issue. */
const EN_APRIL = "en/issues/2011-04/";
/** The site's name in each language (the config's title, and its "languages" entry for en). */
const SITE_NAME = { ja: "月刊 Linux-HA 通信", en: "Gekkan Linux-HA Monthly" } as const;
const editionOf = (file: string): "ja" | "en" => (file.startsWith("en/") ? "en" : "ja");
const DRAFT_ROUTE = "issues/2011-06/";
const DRAFT_TITLE = "月刊 gekkan 6月号（下書き）";
/** The newest published issue's date: feeds must say this, never "today". */
const NEWEST = "2011-05-01";

let site: SampleSite;
const docs = new Map<string, Document>();

async function doc(file: string): Promise<Document> {
  const cached = docs.get(file);
  if (cached) return cached;
  const parsed = parseHtml(await site.read(file));
  docs.set(file, parsed);
  return parsed;
}

function htmlLang(d: Document): string | undefined {
  const html = byTag(d, "html")[0];
  return html ? attr(html, "lang") : undefined;
}

function isAbsoluteHttp(url: string | undefined): boolean {
  return url !== undefined && /^https?:\/\/[^/]/.test(url);
}

/** Every URL-bearing attribute in an HTML fragment that is not absolute (http(s) or mailto). */
function relativeUrlsIn(html: string): string[] {
  const bad: string[] = [];
  for (const { el, name, value } of urlAttributes(parseHtml(html))) {
    const values = name === "srcset" ? value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "") : [value];
    for (const v of values) if (!isAbsoluteHttp(v) && !v.startsWith("mailto:")) bad.push(`${name}="${v}" on ${describeElement(el)}`);
  }
  return bad;
}

beforeAll(async () => {
  site = await buildSampleSite();
});

afterAll(async () => {
  await site?.remove();
});

describe("sample site: files", () => {
  it("builds every page type and no draft page", () => {
    expect(site.htmlFiles).toEqual(
      expect.arrayContaining([
        "404.html",
        "index.html",
        "issues/2011-04/index.html",
        "issues/2011-05/index.html",
        "archive/index.html",
        "archive/2011/index.html",
        "releases/index.html",
        "compat/index.html",
        "stonith/index.html",
        "components/index.html",
        "components/pacemaker/index.html",
        "search/index.html",
        "en/index.html",
        "en/issues/2011-04/index.html",
        "en/archive/index.html",
        "en/archive/2011/index.html",
        "en/releases/index.html",
        "en/compat/index.html",
        "en/stonith/index.html",
        "en/components/index.html",
        "en/components/pacemaker/index.html",
        "en/search/index.html",
      ]),
    );
    expect(existsSync(join(site.out, DRAFT_ROUTE))).toBe(false);
    expect(site.result.site.issues.map((i) => i.route)).toEqual(["issues/2011-05/", "issues/2011-04/"]);
    expect(site.result.site.translations.map((e) => [e.lang, e.issues.map((i) => i.route)])).toEqual([["en", [EN_APRIL]]]);
  });

  it("has a 404 page that is not indexed and links home under the base path", async () => {
    expect(existsSync(join(site.out, "404.html"))).toBe(true);
    const d = await doc("404.html");
    expect(meta(d, "robots")).toBe("noindex");
    expect(byTag(d, "h1").map((h) => normalizeSpace(textContent(h)))).toEqual(["ページが見つかりません"]);
    // A 404 is served at arbitrary depths, so its links into the site must be root-relative with the base (the sign-up address is the config's own).
    const hrefs = byTag(d, "a").map((a) => attr(a, "href") ?? "");
    expect(hrefs).toContain(BASE);
    expect(hrefs.filter((h) => h.startsWith("mailto:"))).toEqual(["mailto:news-subscribe@gekkan.example?subject=%E8%B3%BC%E8%AA%AD"]);
    for (const h of hrefs) if (!h.startsWith("#") && !h.startsWith("mailto:")) expect(h.startsWith(BASE), h).toBe(true);
  });

  it("sitemap.xml lists every published issue and page as absolute URLs, and no draft", async () => {
    const root = parseXml(await site.read("sitemap.xml"));
    expect(root.name).toBe("urlset");
    expect(xmlAttr(root, "xmlns")).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const locs = children(root, "url").map((u) => text(child(u, "loc")));
    for (const route of [...ISSUES, EN_APRIL]) expect(locs).toContain(SITE_URL + route);
    expect(locs.some((l) => l.includes("2011-06"))).toBe(false);
    // Every indexable HTML page is listed, and every listed URL exists.
    const expected = site.htmlFiles.filter((f) => f !== "404.html").map((f) => SITE_URL + routeOf(f));
    expect([...locs].sort()).toEqual([...expected].sort());
    for (const u of children(root, "url")) {
      expect(text(child(u, "lastmod"))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const lastmod = (route: string): string => text(child(children(root, "url").find((u) => text(child(u, "loc")) === SITE_URL + route) ?? {}, "lastmod"));
    expect(lastmod("issues/2011-04/")).toBe("2011-04-01");
    expect(lastmod("issues/2011-05/")).toBe("2011-05-01");
    expect(lastmod(EN_APRIL)).toBe("2011-04-01");
  });

  it("robots.txt points to the absolute sitemap URL", async () => {
    const robots = await site.read("robots.txt");
    expect(robots.split(/\r?\n/)).toContain(`Sitemap: ${SITE_URL}sitemap.xml`);
    expect(robots).toMatch(/^User-agent: \*/m);
  });
});

describe("sample site: every HTML page", () => {
  it("has exactly one <h1>", async () => {
    const counts: Record<string, number> = {};
    for (const f of site.htmlFiles) counts[f] = byTag(await doc(f), "h1").length;
    expect(counts).toEqual(Object.fromEntries(site.htmlFiles.map((f) => [f, 1])));
  });

  it("has a <title>, an <html lang> and a stylesheet under the base path", async () => {
    for (const f of site.htmlFiles) {
      const d = await doc(f);
      expect(htmlLang(d), f).toMatch(/^(ja|en)$/);
      expect(normalizeSpace(textContent(byTag(d, "title")[0] ?? d)), f).not.toBe("");
      const sheets = links(d, "stylesheet").map((l) => attr(l, "href") ?? "");
      expect(sheets.some((h) => h.startsWith(`${BASE}assets/style.css`)), `${f}: ${sheets.join(", ")}`).toBe(true);
    }
  });

  it("has an absolute canonical URL and matching Open Graph tags (except the 404)", async () => {
    for (const f of site.htmlFiles.filter((x) => x !== "404.html")) {
      const d = await doc(f);
      const canonical = links(d, "canonical").map((l) => attr(l, "href"));
      expect(canonical, f).toEqual([SITE_URL + routeOf(f)]);
      expect(meta(d, "og:url"), f).toBe(SITE_URL + routeOf(f));
      expect(meta(d, "og:title"), f).toBeTruthy();
      expect(meta(d, "og:site_name"), f).toBe(SITE_NAME[editionOf(f)]);
      expect(meta(d, "og:type"), f).toMatch(/^(website|article)$/);
      expect(meta(d, "og:locale"), f).toMatch(/^(ja_JP|en_US)$/);
      for (const key of ["og:image", "twitter:image"]) {
        const v = meta(d, key);
        if (v !== undefined) expect(isAbsoluteHttp(v), `${f} ${key}=${v}`).toBe(true);
      }
    }
  });

  it("links the three feeds of its language from every page head, under the base path", async () => {
    for (const f of site.htmlFiles) {
      const prefix = `${BASE}${editionOf(f) === "en" ? "en/" : ""}`;
      const alternates = links(await doc(f), "alternate").map((l) => `${attr(l, "type")} ${attr(l, "href")}`);
      expect(alternates, f).toEqual(
        expect.arrayContaining([`application/atom+xml ${prefix}feed.xml`, `application/rss+xml ${prefix}rss.xml`, `application/feed+json ${prefix}feed.json`]),
      );
    }
  });

  it("never writes a site-internal link without the base path", async () => {
    const bad: string[] = [];
    for (const f of site.htmlFiles) {
      for (const { el, name, value } of urlAttributes(await doc(f))) {
        if (value.startsWith("/") && !value.startsWith("//") && !value.startsWith(BASE)) bad.push(`${f}: ${name}="${value}" on ${describeElement(el)}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe("sample site: issue pages", () => {
  it("puts every page in its edition's language: the chrome, the content and <html lang>", async () => {
    const ja = await doc("issues/2011-04/index.html");
    const en = await doc(`${EN_APRIL}index.html`);
    const article = (d: Document) => find(d, (e) => e.tagName === "article");
    expect(htmlLang(ja)).toBe("ja");
    expect(htmlLang(en)).toBe("en");
    expect(attr(article(en) ?? byTag(en, "html")[0]!, "lang")).toBe("en");
    expect(attr(article(ja) ?? byTag(ja, "html")[0]!, "lang")).toBe("ja");
    // The English edition is an English site: its menus are English, and so is its site name.
    const navText = (d: Document) => byTag(d, "nav").map((n) => normalizeSpace(textContent(n))).join(" | ");
    expect(navText(en)).toContain("Archive");
    expect(navText(en)).not.toContain("バックナンバー");
    expect(navText(ja)).toContain("バックナンバー");
    expect(navText(ja)).toContain("次の号");
    expect(attr(byTag(en, "title")[0]!, "lang")).toBeUndefined();
    expect(normalizeSpace(textContent(byTag(en, "title")[0]!))).toMatch(/ \| Gekkan Linux-HA Monthly$/);
    expect(meta(ja, "og:locale")).toBe("ja_JP");
    expect(meta(en, "og:locale")).toBe("en_US");
    expect(meta(ja, "og:type")).toBe("article");
    for (const f of site.htmlFiles) expect(htmlLang(await doc(f)), f).toBe(editionOf(f));
  });

  it("shows the localized issue label, number and reading time", async () => {
    const ja = await doc("issues/2011-04/index.html");
    const en = await doc(`${EN_APRIL}index.html`);
    const metaText = (d: Document): string => normalizeSpace(textContent(find(d, (e) => (attr(e, "class") ?? "").split(" ").includes("issue-meta")) ?? d));
    expect(metaText(ja)).toBe("2011年4月号 · 第1号");
    expect(metaText(en)).toBe("April 2011 · Issue 1");
    const dateLine = (d: Document): string => normalizeSpace(textContent(find(d, (e) => attr(e, "class") === "issue-date") ?? d));
    expect(dateLine(ja)).toMatch(/^2011年4月1日 · 約\d+分で読めます/);
    expect(dateLine(en)).toMatch(/^April 1, 2011 · \d+ min read/);
    const h1 = (d: Document): string => normalizeSpace(textContent(byTag(d, "h1")[0] ?? d));
    expect(h1(ja)).toBe("月刊 gekkan 創刊号：Linux-HA まわりの新着情報とバージョン互換メモ");
    expect(h1(en)).toBe("Gekkan, first issue: news from around Linux-HA and notes on version compatibility");
  });

  it("links 2011-04 and 2011-05 to each other with rel=next/prev, and never to the draft", async () => {
    const rels = async (file: string): Promise<string[]> =>
      byTag(await doc(file), "a")
        .filter((a) => attr(a, "rel") === "prev" || attr(a, "rel") === "next")
        .map((a) => `${attr(a, "rel")} ${attr(a, "href")}`);
    expect(await rels("issues/2011-04/index.html")).toEqual([`next ${BASE}issues/2011-05/`]);
    expect(await rels("issues/2011-05/index.html")).toEqual([`prev ${BASE}issues/2011-04/`]);
    // Neighbours are in the same language: May has no English edition, so the English April has none.
    expect(await rels(`${EN_APRIL}index.html`)).toEqual([]);
    for (const f of site.htmlFiles) {
      const html = await site.read(f);
      expect(html.includes(DRAFT_TITLE) || html.includes(DRAFT_ROUTE), f).toBe(false);
    }
  });

  it("rewrites root-relative Markdown links to the base path", async () => {
    const hrefs = async (file: string): Promise<string[]> => byTag(await doc(file), "a").filter((a) => ["5月号", "英語版", "Japanese"].includes(textContent(a))).map((a) => attr(a, "href") ?? "");
    expect(await hrefs("issues/2011-04/index.html")).toEqual([`${BASE}issues/2011-05/`]);
    expect(await hrefs("issues/2011-05/index.html")).toEqual([`${BASE}${EN_APRIL}`]);
    expect(await hrefs(`${EN_APRIL}index.html`)).toEqual([`${BASE}issues/2011-04/`]);
  });
});

describe("sample site: feeds", () => {
  let atom: XmlNode;
  let rss: XmlNode;
  let json: {
    version: string;
    title: string;
    home_page_url: string;
    feed_url: string;
    items: Array<{ id: string; url: string; title: string; content_html: string; date_published: string; date_modified?: string; language?: string }>;
  };

  beforeAll(async () => {
    atom = parseXml(await site.read("feed.xml"));
    rss = parseXml(await site.read("rss.xml"));
    json = JSON.parse(await site.read("feed.json")) as typeof json;
  });

  it("the checks themselves can fail: strict XML parse, relative URL detection", () => {
    expect(() => parseXml("<feed><entry></feed>")).toThrow();
    expect(relativeUrlsIn('<p><a href="/gekkan/x/">x</a> <img src="a.png" srcset="https://e.example/b.png 2x, c.png 3x" alt=""></p>')).toEqual([
      'href="/gekkan/x/" on <a href="/gekkan/x/">',
      'src="a.png" on <img src="a.png" srcset="https://e.example/b.png 2x, c.png 3x" alt="">',
      'srcset="c.png" on <img src="a.png" srcset="https://e.example/b.png 2x, c.png 3x" alt="">',
    ]);
    expect(relativeUrlsIn('<a href="https://e.example/#x">x</a><a href="mailto:a@e.example">m</a>')).toEqual([]);
  });

  it("Atom: required feed fields, absolute links, updated = newest issue date", () => {
    expect(atom.name).toBe("feed");
    expect(xmlAttr(atom, "xmlns")).toBe("http://www.w3.org/2005/Atom");
    expect(text(child(atom, "id"))).toBe(SITE_URL);
    expect(text(child(atom, "title"))).toBe("月刊 Linux-HA 通信");
    expect(text(child(atom, "updated"))).toBe(`${NEWEST}T00:00:00.000Z`);
    const feedLinks = children(atom, "link").map((l) => `${xmlAttr(l, "rel") ?? "alternate"} ${xmlAttr(l, "href")}`);
    expect(feedLinks).toEqual(expect.arrayContaining([`self ${SITE_URL}feed.xml`, `alternate ${SITE_URL}`]));
    // Atom needs an author on the feed or on every entry.
    expect(text(child(child(atom, "author") ?? {}, "name"))).not.toBe("");
  });

  it("Atom: one entry per published issue, newest first, with stable permalink ids", () => {
    const entries = children(atom, "entry");
    expect(entries.map((e) => text(child(e, "id")))).toEqual([SITE_URL + ISSUES[1], SITE_URL + ISSUES[0]]);
    for (const e of entries) {
      const id = text(child(e, "id"));
      expect(text(child(e, "title")), id).not.toBe("");
      expect(children(e, "link").map((l) => xmlAttr(l, "href")), id).toEqual([id]);
      expect(text(child(e, "updated")), id).toMatch(/^2011-0[45]-01T00:00:00(\.000)?Z$/);
      const content = child(e, "content");
      expect(xmlAttr(content, "type"), id).toBe("html");
      expect(text(content).length, id).toBeGreaterThan(100);
      expect(relativeUrlsIn(text(content)), id).toEqual([]);
      expect(relativeUrlsIn(text(child(e, "summary"))), id).toEqual([]);
    }
    expect(text(child(entries[1] ?? {}, "updated"))).toMatch(/^2011-04-01/);
  });

  it("RSS 2.0: required channel and item fields, absolute URLs", () => {
    expect(rss.name).toBe("rss");
    expect(xmlAttr(rss, "version")).toBe("2.0");
    const channel = child(rss, "channel") ?? {};
    expect(text(child(channel, "title"))).toBe("月刊 Linux-HA 通信");
    expect(text(child(channel, "link"))).toBe(SITE_URL);
    expect(text(child(channel, "description"))).not.toBe("");
    expect(text(child(channel, "language"))).toBe("ja");
    expect(new Date(text(child(channel, "lastBuildDate"))).toISOString()).toBe(`${NEWEST}T00:00:00.000Z`);
    const self = children(channel, "atom:link").find((l) => xmlAttr(l, "rel") === "self");
    expect(xmlAttr(self, "href")).toBe(`${SITE_URL}rss.xml`);
    const items = children(channel, "item");
    expect(items.map((i) => text(child(i, "link")))).toEqual([SITE_URL + ISSUES[1], SITE_URL + ISSUES[0]]);
    for (const item of items) {
      const link = text(child(item, "link"));
      expect(text(child(item, "title")), link).not.toBe("");
      expect(text(child(item, "guid")), link).toBe(link);
      expect(Number.isNaN(Date.parse(text(child(item, "pubDate")))), link).toBe(false);
      const body = text(child(item, "content:encoded"));
      expect(body.length, link).toBeGreaterThan(100);
      expect(relativeUrlsIn(body), link).toEqual([]);
      expect(relativeUrlsIn(text(child(item, "description"))), link).toEqual([]);
    }
    expect(new Date(text(child(items[0] ?? {}, "pubDate"))).toISOString()).toBe(`${NEWEST}T00:00:00.000Z`);
  });

  it("JSON Feed: required fields, absolute URLs, same ids as Atom", () => {
    expect(json.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/);
    expect(json.title).toBe("月刊 Linux-HA 通信");
    expect(json.home_page_url).toBe(SITE_URL);
    expect(json.feed_url).toBe(`${SITE_URL}feed.json`);
    expect(json.items.map((i) => i.id)).toEqual([SITE_URL + ISSUES[1], SITE_URL + ISSUES[0]]);
    for (const item of json.items) {
      expect(item.url, item.id).toBe(item.id);
      expect(item.title, item.id).not.toBe("");
      expect(new Date(item.date_published).toISOString().slice(0, 10), item.id).toMatch(/^2011-0[45]-01$/);
      expect(relativeUrlsIn(item.content_html), item.id).toEqual([]);
    }
  });

  it("leaves drafts out of every feed", async () => {
    for (const file of ["feed.xml", "rss.xml", "feed.json"]) {
      const body = await site.read(file);
      expect(body.includes("2011-06"), file).toBe(false);
      expect(body.includes(DRAFT_TITLE), file).toBe(false);
    }
  });

  it("is stable: another build on another day writes byte-identical feeds", async () => {
    const later = await generate({ root: REPO_ROOT, base: BASE, search: false, threads: 0, now: new Date("2031-07-15T12:00:00Z") });
    for (const file of ["feed.xml", "rss.xml", "feed.json", "components/pacemaker/feed.xml"]) {
      expect(later.output.text(file), file).toBe(await site.read(file));
    }
  });

  it("every component page has its own Atom feed, linked from its <head>", async () => {
    const componentPages = site.htmlFiles.filter((f) => /^components\/[^/]+\/index\.html$/.test(f));
    expect(componentPages.length).toBeGreaterThan(3);
    for (const page of componentPages) {
      const route = routeOf(page);
      const d = await doc(page);
      const head = byTag(d, "head")[0];
      expect(head, page).toBeDefined();
      const headFeeds = links(d, "alternate").filter((l) => attr(l, "type") === "application/atom+xml").map((l) => attr(l, "href"));
      expect(headFeeds, page).toContain(`${BASE}${route}feed.xml`);
      const feed = parseXml(await site.read(`${route}feed.xml`));
      expect(feed.name, route).toBe("feed");
      expect(text(child(feed, "id")), route).toBe(SITE_URL + route);
      expect(children(feed, "link").find((l) => xmlAttr(l, "rel") === "self")?.attributes?.["href"], route).toBe(`${SITE_URL}${route}feed.xml`);
      const entries = children(feed, "entry");
      expect(entries.length, route).toBeGreaterThan(0);
      for (const e of entries) {
        expect(text(child(e, "id")), route).toMatch(new RegExp(`^${SITE_URL.replace(/\./g, "\\.")}issues/2011-0[45]/$`));
        expect(relativeUrlsIn(text(child(e, "content"))), route).toEqual([]);
        expect(relativeUrlsIn(text(child(e, "summary"))), route).toEqual([]);
      }
    }
    // pacemaker is tagged in both published issues; the draft (also tagged) stays out.
    const pacemaker = parseXml(await site.read("components/pacemaker/feed.xml"));
    expect(children(pacemaker, "entry").map((e) => text(child(e, "id")))).toEqual([SITE_URL + ISSUES[1], SITE_URL + ISSUES[0]]);
    expect(text(child(pacemaker, "updated"))).toBe(`${NEWEST}T00:00:00.000Z`);
  });
});
