/**
 * Translations, on test/fixtures/translations: issue 1 in Japanese (the
 * site's language) and English (published a month later), issue 2 in Japanese
 * only, issue 3 a Japanese draft whose English translation is not. Built
 * under the base path /news/ and read back with an HTML and an XML parser;
 * every expectation is written out by hand from the fixture's sources.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Generated } from "../../src/pipeline/generate.js";
import { runCheck } from "../../src/check/run-check.js";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { fixtureInput, generateFixture, NOW } from "../helpers/fixtures.js";
import { allElements, attr, byTag, find, links, normalizeSpace, parseHtml, textContent, type Document, type Element } from "../helpers/html.js";
import { child, children, parseXml, text, xmlAttr } from "../helpers/xml.js";

const SITE = "https://example.org/news/";
const JA_APRIL = "issues/2011-04/";
const EN_APRIL = "en/issues/2011-04/";
const MAY = "issues/2011-05/";

let built: Generated;
const page = (route: string): Document => {
  const html = built.output.text(`${route}index.html`);
  if (html === undefined) throw new Error(`no page at ${route}`);
  return parseHtml(html);
};
const textOf = (el: Element) => normalizeSpace(textContent(el));
const hasClass = (name: string) => (el: Element) => (attr(el, "class") ?? "").split(/\s+/).includes(name);
/** `<link rel="alternate" hreflang>` of a page, as "lang url". */
const hreflang = (route: string) => links(page(route), "alternate").filter((l) => attr(l, "hreflang") !== undefined).map((l) => `${attr(l, "hreflang")} ${attr(l, "href")}`);
/** The visible language switch: each link as "lang hreflang text href". */
const switchLinks = (route: string) => {
  const nav = find(page(route), hasClass("language-switch"));
  return nav === undefined ? [] : byTag(nav, "a").map((a) => `${attr(a, "lang")} ${attr(a, "hreflang")} ${textOf(a)} ${attr(a, "href")}`);
};
const htmlLang = (route: string) => attr(byTag(page(route), "html")[0] as Element, "lang");

beforeAll(async () => {
  built = await generateFixture("translations");
});

describe("editions", () => {
  it("the site's language holds the originals; English holds the translations whose original is published", () => {
    expect(built.site.issues.map((e) => e.route)).toEqual([MAY, JA_APRIL]);
    expect(built.site.translations.map((e) => [e.lang, e.issues.map((i) => i.route)])).toEqual([["en", [EN_APRIL]]]);
    // Issue 3's English translation is not a draft, but its original is: it waits.
    expect(built.output.has("en/issues/2011-06/index.html")).toBe(false);
  });

  it("with drafts, the draft original and its translation are both on the site", async () => {
    const preview = await generateFixture("translations", { drafts: true });
    expect(preview.output.has("issues/2011-06/index.html")).toBe(true);
    expect(preview.output.has("en/issues/2011-06/index.html")).toBe(true);
  });

  it("a translation published a month later keeps its original's URL, month label and archive year, and shows its own date", () => {
    const dates = byTag(page(EN_APRIL), "time").map((t) => `${attr(t, "datetime")} ${textOf(t)}`);
    expect(dates[0]).toBe("2011-05-02 May 2, 2011");
    expect(textOf(find(page(EN_APRIL), hasClass("issue-meta")) as Element)).toBe("April 2011 · Issue 1");
    expect(built.site.translations[0]?.years.map((y) => y.year)).toEqual(["2011"]);
  });

  it("every page has <html lang> of its edition, and an issue's article says its language", () => {
    for (const path of built.output.paths().filter((p) => p.endsWith("index.html"))) {
      const route = path.slice(0, -"index.html".length);
      expect(htmlLang(route), route).toBe(route.startsWith("en/") ? "en" : "ja");
    }
    expect(attr(find(page(EN_APRIL), (e) => e.tagName === "article") as Element, "lang")).toBe("en");
    expect(attr(find(page(JA_APRIL), (e) => e.tagName === "article") as Element, "lang")).toBe("ja");
  });

  it("the English pages' chrome is English: menus, site name (config languages.en.title), links into the English edition", () => {
    const en = page(EN_APRIL);
    const menu = find(en, (e) => e.tagName === "nav" && attr(e, "aria-label") === "Main menu") as Element;
    expect(byTag(menu, "a").map((a) => `${textOf(a)} ${attr(a, "href")}`)).toEqual([
      "Archive /news/en/archive/",
      "All release news /news/en/releases/",
      "Version compatibility Q&A /news/en/compat/",
      "STONITH plugin matrix /news/en/stonith/",
      "Search /news/en/search/",
    ]);
    const title = find(en, hasClass("site-title")) as Element;
    expect(`${textOf(title)} ${attr(byTag(title, "a")[0] as Element, "href")}`).toBe("Test Monthly /news/en/");
    // The description has no English version: it is the site's, marked as Japanese.
    const footer = find(en, hasClass("site-footer")) as Element;
    expect(allElements(footer).filter((e) => attr(e, "lang") === "ja").map(textOf)).toEqual(["翻訳のテスト用サイト"]);
    expect(byTag(en, "a").filter((a) => textOf(a) === "pacemaker" || textOf(a) === "Pacemaker").map((a) => attr(a, "href"))).toContain("/news/en/components/pacemaker/");
  });
});

describe("hreflang and the language switch", () => {
  const both = (ja: string, en: string) => [`ja ${SITE}${ja}`, `en ${SITE}${en}`, `x-default ${SITE}${ja}`];

  it("a translated issue and its original link each other, and x-default is the original, with absolute URLs", () => {
    expect(hreflang(JA_APRIL)).toEqual(both(JA_APRIL, EN_APRIL));
    expect(hreflang(EN_APRIL)).toEqual(both(JA_APRIL, EN_APRIL));
  });

  it("the home, archive, year and reference pages of each language link each other", () => {
    for (const route of ["", "archive/", "archive/2011/", "releases/", "compat/", "stonith/", "components/", "components/pacemaker/", "search/"]) {
      expect(hreflang(route), route).toEqual(both(route, `en/${route}`));
      expect(hreflang(`en/${route}`), route).toEqual(both(route, `en/${route}`));
    }
  });

  it("a page with no other version has no alternates; its switch leads only to the other edition's front page", () => {
    expect(hreflang(MAY)).toEqual([]);
    // Not a version of this page (see test/render/edition-navigation.test.ts): the English edition's front page.
    expect(switchLinks(MAY)).toEqual(["en en English /news/en/"]);
    const notFound = parseHtml(built.output.text("404.html") ?? "");
    expect(links(notFound, "alternate").filter((l) => attr(l, "hreflang") !== undefined)).toEqual([]);
  });

  it("the switch names the other version in its own language, with lang and hreflang", () => {
    expect(switchLinks(JA_APRIL)).toEqual([`en en English /news/${EN_APRIL}`]);
    expect(switchLinks(EN_APRIL)).toEqual([`ja ja 日本語 /news/${JA_APRIL}`]);
    expect(switchLinks("")).toEqual(["en en English /news/en/"]);
    expect(switchLinks("en/archive/")).toEqual(["ja ja 日本語 /news/archive/"]);
    // Labelled in the page's language.
    expect(attr(find(page(JA_APRIL), hasClass("language-switch")) as Element, "aria-label")).toBe("ほかの言語");
    expect(attr(find(page(EN_APRIL), hasClass("language-switch")) as Element, "aria-label")).toBe("Other languages");
  });
});

describe("per-language lists", () => {
  const cardLinks = (route: string) => allElements(page(route)).filter(hasClass("issue-card-title")).map((h) => attr(byTag(h, "a")[0] as Element, "href"));
  const archiveLinks = (route: string) => byTag(find(page(route), (e) => e.tagName === "main") as Element, "a").map((a) => attr(a, "href")).filter((h) => h?.includes("/issues/"));

  it("each language's index and archive list the issues in that language", () => {
    expect(cardLinks("")).toEqual([`/news/${MAY}`, `/news/${JA_APRIL}`]);
    expect(cardLinks("en/")).toEqual([`/news/${EN_APRIL}`]);
    expect(archiveLinks("archive/")).toEqual([`/news/${MAY}`, `/news/${JA_APRIL}`]);
    expect(archiveLinks("en/archive/")).toEqual([`/news/${EN_APRIL}`]);
    expect(archiveLinks("en/archive/2011/")).toEqual([`/news/${EN_APRIL}`]);
  });

  it("previous and next stay in the language: the English April has neither, the Japanese one has May", () => {
    const pager = (route: string) => byTag(page(route), "a").filter((a) => ["prev", "next"].includes(attr(a, "rel") ?? "")).map((a) => `${attr(a, "rel")} ${attr(a, "href")}`);
    expect(pager(JA_APRIL)).toEqual([`next /news/${MAY}`]);
    expect(pager(EN_APRIL)).toEqual([]);
  });

  it("each language has its own Atom, RSS and JSON feeds, in its language, with its issues", () => {
    const atom = (path: string) => parseXml(built.output.text(path) ?? "");
    expect(xmlAttr(atom("feed.xml"), "xml:lang")).toBe("ja");
    expect(children(atom("feed.xml"), "entry").map((e) => text(child(e, "id")))).toEqual([SITE + MAY, SITE + JA_APRIL]);
    expect(xmlAttr(atom("en/feed.xml"), "xml:lang")).toBe("en");
    expect(text(child(atom("en/feed.xml"), "title"))).toBe("Test Monthly");
    expect(children(atom("en/feed.xml"), "entry").map((e) => text(child(e, "id")))).toEqual([SITE + EN_APRIL]);
    const rss = child(parseXml(built.output.text("en/rss.xml") ?? ""), "channel");
    expect(text(child(rss ?? {}, "language"))).toBe("en");
    expect(children(rss ?? {}, "item").map((i) => text(child(i, "link")))).toEqual([SITE + EN_APRIL]);
    const json = JSON.parse(built.output.text("en/feed.json") ?? "{}") as { home_page_url: string; items: Array<{ id: string }> };
    expect([json.home_page_url, ...json.items.map((i) => i.id)]).toEqual([`${SITE}en/`, SITE + EN_APRIL]);
    // Each edition's pages link their own feeds.
    expect(links(page(EN_APRIL), "alternate").filter((l) => attr(l, "type") === "application/atom+xml").map((l) => attr(l, "href"))).toEqual(["/news/en/feed.xml"]);
  });

  it("one email per issue per language, each at its own page", () => {
    expect(built.output.paths().filter((p) => p.endsWith("email.html"))).toEqual([`${EN_APRIL}email.html`, `${JA_APRIL}email.html`, `${MAY}email.html`]);
    expect(built.output.text(`${EN_APRIL}email.txt`)).toContain(`View in browser <${SITE}${EN_APRIL}>`);
  });
});

describe("the sitemap", () => {
  const sitemap = () => parseXml(built.output.text("sitemap.xml") ?? "");
  const alternatesOf = (loc: string) => {
    const url = children(sitemap(), "url").find((u) => text(child(u, "loc")) === loc);
    if (url === undefined) throw new Error(`${loc} is not in the sitemap`);
    return children(url, "xhtml:link").map((l) => `${xmlAttr(l, "rel")} ${xmlAttr(l, "hreflang")} ${xmlAttr(l, "href")}`);
  };
  const pair = (ja: string, en: string) => [`alternate ja ${SITE}${ja}`, `alternate en ${SITE}${en}`, `alternate x-default ${SITE}${ja}`];

  it("declares the xhtml namespace and lists every version of a page, itself included, and x-default", () => {
    expect(xmlAttr(sitemap(), "xmlns:xhtml")).toBe("http://www.w3.org/1999/xhtml");
    expect(alternatesOf(SITE + JA_APRIL)).toEqual(pair(JA_APRIL, EN_APRIL));
    expect(alternatesOf(SITE + EN_APRIL)).toEqual(pair(JA_APRIL, EN_APRIL));
    expect(alternatesOf(`${SITE}en/`)).toEqual(pair("", "en/"));
    expect(alternatesOf(SITE + MAY)).toEqual([]);
  });

  it("dates each page that is no issue by the newest issue of its own language: the English pages by the translation published after the last Japanese issue", () => {
    const lastmod = (loc: string) => text(child(children(sitemap(), "url").find((u) => text(child(u, "loc")) === SITE + loc) ?? { elements: [] }, "lastmod"));
    // The fixture: 2011-04 (ja 2011-04-01, en 2011-05-02), 2011-05 (ja 2011-05-01).
    expect(["", "archive/", "releases/"].map(lastmod)).toEqual(["2011-05-01", "2011-05-01", "2011-05-01"]);
    expect(["en/", "en/archive/", "en/releases/"].map(lastmod)).toEqual(["2011-05-02", "2011-05-02", "2011-05-02"]);
    expect([JA_APRIL, EN_APRIL, MAY].map(lastmod)).toEqual(["2011-04-01", "2011-05-02", "2011-05-01"]);
  });

  it("lists every page of both languages once", () => {
    const locs = children(sitemap(), "url").map((u) => text(child(u, "loc")));
    const pages = built.output.paths().filter((p) => p.endsWith("index.html")).map((p) => SITE + p.slice(0, -"index.html".length));
    expect([...locs].sort()).toEqual([...pages].sort());
  });
});

describe("reference pages: one entry per block", () => {
  const releaseRows = (route: string) => byTag(byTag(page(route), "tbody")[0] as Element, "tr").map((tr) => {
    const entry = byTag(tr, "th")[0] as Element;
    return `${attr(entry, "lang")} ${textOf(entry)} ${attr(byTag(entry, "a")[0] as Element, "href")}`;
  });

  it("the site's /releases/ shows each original block once; the English one shows it translated where it is, else as written", () => {
    expect(releaseRows("releases/")).toEqual([
      `ja Corosync 1.4.0 /news/${MAY}#release-corosync-1-4-0`,
      `ja Pacemaker 1.0.11 /news/${JA_APRIL}#release-pacemaker-1-0-11`,
      `ja リポジトリが git へ移りました /news/${JA_APRIL}#release-resource-agents-リポジトリが-git-へ移りました`,
    ]);
    // The resource-agents release has a title anchor, which differs in English: it pairs by its facts.
    expect(releaseRows("en/releases/")).toEqual([
      `ja Corosync 1.4.0 /news/${MAY}#release-corosync-1-4-0`,
      `en Pacemaker 1.0.11 /news/${EN_APRIL}#release-pacemaker-1-0-11`,
      `en The repository moves to git /news/${EN_APRIL}#release-resource-agents-the-repository-moves-to-git`,
    ]);
  });

  it("/compat/ and /stonith/: an untranslated block keeps its language; a block only the translation has is on its language's pages only", () => {
    const questions = (route: string) => allElements(page(route)).filter(hasClass("qa-entry")).map((e) => `${attr(byTag(e, "h2")[0] as Element, "lang")} ${textOf(byTag(e, "h2")[0] as Element)}`);
    expect(questions("compat/")).toEqual(["ja 1.0 と 1.1 は同じクラスタで動かせますか？"]);
    expect(questions("en/compat/")).toEqual(["en Can 1.0 and 1.1 run in one cluster?", "en A note from the translator: which Corosync does the original mean?"]);
    const devices = (route: string) => byTag(byTag(page(route), "tbody")[0] as Element, "tr").map((tr) => attr(byTag(tr, "a")[0] as Element, "href"));
    // The translation left the STONITH note out: the English matrix shows the original's.
    expect(devices("stonith/")).toEqual([`/news/${JA_APRIL}#stonith-hp-ilo3`]);
    expect(devices("en/stonith/")).toEqual([`/news/${JA_APRIL}#stonith-hp-ilo3`]);
  });

  it("the data files hold the originals' blocks, once each", () => {
    const releases = JSON.parse(built.output.text("data/releases.json") ?? "{}") as { releases: Array<{ url: string }> };
    expect(releases.releases.map((r) => decodeURI(r.url))).toEqual([
      `${SITE}${MAY}#release-corosync-1-4-0`,
      `${SITE}${JA_APRIL}#release-resource-agents-リポジトリが-git-へ移りました`,
      `${SITE}${JA_APRIL}#release-pacemaker-1-0-11`,
    ]);
  });
});

describe("gekkan check", () => {
  it("finds every link and anchor of both languages resolved, and no numbering gap", async () => {
    const report = await runCheck({ root: fixtureInput("translations"), now: NOW });
    expect([...report.errors, ...report.warnings].map(formatDiagnostic)).toEqual([]);
    // Both editions' pages were checked, drafts included (issue 3 in both languages).
    expect(report.pages).toBeGreaterThan(30);
    expect(report.linksFromMarkdown).toBe(3);
  });
});
