import * as parse5 from "parse5";
import { afterAll, describe, expect, it } from "vitest";
import { generateSite } from "../helpers/fixtures.js";
import { buildFeeds } from "../../src/site/feeds.js";
import { child, children, parseXml, text, textValues, xmlAttr, type XmlNode } from "../helpers/xml.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

/** What a reader shows of HTML: its text, references decoded (parse5, as a browser reads it). */
function htmlText(html: string): string {
  return [...parse5.parseFragment(html).childNodes].map(function walk(node): string {
    return node.nodeName === "#text" && "value" in node ? node.value : "childNodes" in node ? node.childNodes.map(walk).join("") : "";
  }).join("");
}

/** A Japanese site and its English edition whose titles, names and summary hold "&", "<", ">", "]]>" and an "&amp;" the author typed. */
const AWKWARD = {
  site: "R&D <月刊> ]]> &amp;",
  en: "R&D <Monthly> &amp;",
  description: "A & B <c>",
  desk: "編集部 & Co <desk>",
  /** Newest first, as feeds list them. */
  titles: ["Q&amp;A, typed as is", "CDATA ends at ]]> and ]]> again", "Pacemaker & Corosync <2.0> の話"],
  enTitle: "English & <title> ]]>",
  summary: "Fish & chips <b>not bold</b>",
  authors: ["R & D", "x &amp; y"],
};

function awkwardSite(): TempDir {
  const { site, en, description, desk, titles, enTitle, summary, authors } = AWKWARD;
  const front = (fields: Record<string, unknown>) => `---\n${Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join("\n")}\n---\n\n`;
  return tempSite({
    "gekkan.config.json": `${JSON.stringify({ title: site, description, url: "https://example.org/", lang: "ja", authors: [desk], languages: { en: { title: en } } })}\n`,
    "content/issues/2011/2011-04.md": `${front({ title: titles[2], issue: 1, date: "2011-04-01", summary, authors, tags: ["pacemaker"] })}本文です。\n`,
    "content/issues/2011/2011-05.md": `${front({ title: titles[1], issue: 2, date: "2011-05-01" })}本文です。\n`,
    "content/issues/2011/2011-06.md": `${front({ title: titles[0], issue: 3, date: "2011-06-01" })}本文です。\n`,
    "content/issues/2011/2011-04.en.md": `${front({ title: enTitle, issue: 1, date: "2011-04-01", lang: "en", summary: "In English." })}The text.\n`,
  });
}

describe("feeds", () => {
  const temps: TempDir[] = [];
  afterAll(() => temps.forEach((t) => t.remove()));

  // The default config has `authors: []`; an issue need not name any either.
  it("a site where nobody is named as author still builds all three feeds", async () => {
    const site = tempSite({
      "gekkan.config.json": `${JSON.stringify({ title: "無記名", url: "https://example.org/" })}\n`,
      "content/issues/2011/2011-04.md": issue({ title: "2011年4月号", issue: 1, date: "2011-04-01" }),
    });
    temps.push(site);
    const { output } = await generateSite(site.path);
    expect(output.text("feed.xml")).toContain("<id>https://example.org/issues/2011-04/</id>");
    expect(output.text("rss.xml")).toContain("https://example.org/issues/2011-04/");
    expect(JSON.parse(output.text("feed.json") ?? "{}")).toMatchObject({ items: [{ id: "https://example.org/issues/2011-04/" }] });
  });

  it("with nobody named, an English feed's entries are by the newsletter's English name (languages.en.title), not its Japanese one", async () => {
    const site = tempSite({
      "gekkan.config.json": `${JSON.stringify({ title: "月刊クラスタ", url: "https://example.org/", lang: "ja", languages: { en: { title: "Cluster Monthly" } } })}\n`,
      "content/issues/2011/2011-04.md": "---\ntitle: 2011年4月号\nissue: 1\ndate: 2011-04-01\ntags: [pacemaker]\n---\n\n本文です。\n",
      "content/issues/2011/2011-04.en.md": "---\ntitle: April 2011\nissue: 1\ndate: 2011-04-01\nlang: en\ntags: [pacemaker]\n---\n\nThe text.\n",
    });
    temps.push(site);
    const { output } = await generateSite(site.path);
    const entryAuthors = (path: string) => children(parseXml(output.text(path) ?? ""), "entry").map((entry) => children(entry, "author").map((author) => text(child(author, "name"))));
    expect(entryAuthors("feed.xml")).toEqual([["月刊クラスタ"]]);
    expect(entryAuthors("components/pacemaker/feed.xml")).toEqual([["月刊クラスタ"]]);
    expect(entryAuthors("en/feed.xml")).toEqual([["Cluster Monthly"]]);
    expect(entryAuthors("en/components/pacemaker/feed.xml")).toEqual([["Cluster Monthly"]]);
  });

  it("feeds list published issues newest first, with absolute links inside the content", async () => {
    const site = tempSite({
      "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }, "[5月号](/issues/2011-05/) へ。\n"),
      "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 2, date: "2011-05-01" }),
    });
    temps.push(site);
    const { output } = await generateSite(site.path);
    const json = JSON.parse(output.text("feed.json") ?? "{}") as { items: Array<{ id: string; content_html: string }> };
    expect(json.items.map((i) => i.id)).toEqual(["https://example.org/issues/2011-05/", "https://example.org/issues/2011-04/"]);
    expect(json.items[1]?.content_html).toContain('href="https://example.org/issues/2011-05/"');
  });
  // JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): `version` is the 1.1 URL, `language` the feed's, `authors` every author.
  it("the JSON Feed is version 1.1, with the feed's language and each issue's every author", async () => {
    const site = tempSite({
      "gekkan.config.json": `${JSON.stringify({ title: "月刊", url: "https://example.org/", lang: "ja", authors: ["編集部", "Desk"], languages: { en: { title: "Monthly" } } })}\n`,
      "content/issues/2011/2011-04.md": "---\ntitle: 4月号\nissue: 1\ndate: 2011-04-01\nauthors: [山田, Suzuki]\n---\n\n本文。\n",
      "content/issues/2011/2011-04.en.md": "---\ntitle: April\nissue: 1\ndate: 2011-04-01\nlang: en\nauthors: [Yamada]\n---\n\nText.\n",
    });
    temps.push(site);
    const { output } = await generateSite(site.path);
    type Json = { version: string; language?: string; authors?: Array<{ name: string }>; items: Array<{ authors?: Array<{ name: string }>; language?: string }> };
    const ja = JSON.parse(output.text("feed.json") ?? "{}") as Json;
    const en = JSON.parse(output.text("en/feed.json") ?? "{}") as Json;
    expect(ja.version).toBe("https://jsonfeed.org/version/1.1");
    expect(ja.language).toBe("ja");
    expect(ja.authors).toEqual([{ name: "編集部" }, { name: "Desk" }]);
    expect(ja.items[0]?.authors).toEqual([{ name: "山田" }, { name: "Suzuki" }]);
    expect(en.language).toBe("en");
    expect(en.items[0]?.authors).toEqual([{ name: "Yamada" }]);
  });
  // RSS 2.0 (https://www.rssboard.org/rss-specification#ltauthorgtSubelementOfLtitemgt): <author> is an email address; names go in Dublin Core's <dc:creator>.
  it("RSS items name their authors in dc:creator, never a bare name in author", async () => {
    const site = tempSite({
      "gekkan.config.json": `${JSON.stringify({ title: "月刊", url: "https://example.org/" })}\n`,
      "content/issues/2011/2011-04.md": "---\ntitle: 4月号\nissue: 1\ndate: 2011-04-01\nauthors: [山田, \"R & D\"]\n---\n\n本文。\n",
    });
    temps.push(site);
    const { output } = await generateSite(site.path);
    const rss = parseXml(output.text("rss.xml") ?? "");
    expect(xmlAttr(rss, "xmlns:dc")).toBe("http://purl.org/dc/elements/1.1/");
    const items = children(child(rss, "channel")!, "item");
    expect(items.flatMap((item) => children(item, "author").map(text)).filter((value) => !/^[^\s@]+@[^\s@]+/.test(value))).toEqual([]);
    expect(items.map((item) => children(item, "dc:creator").map(text))).toEqual([["山田", "R & D"]]);
  });
  // A feed reader shows an entry away from the site: every URL in it must be absolute, a <picture> source's srcset (preferred over its <img>), a quotation's cite and an image's longdesc (GitHub's sanitiser keeps it) too.
  it("every URL attribute inside an entry is absolute, on the site's sub-path", async () => {
    const site = tempSite({
      "gekkan.config.json": `${JSON.stringify({ title: "月刊", url: "https://example.org/sub/" })}\n`,
      "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }, '<picture><source srcset="/images/a.png 2x, ../../images/b.png 1x" type="image/png"><img src="/images/a.png" alt="p"></picture>\n\n<blockquote cite="/issues/2011-04/">q</blockquote>\n\n<img src="/images/c.png" alt="c" longdesc="../2011-04/">\n'),
    });
    temps.push(site);
    const { output } = await generateSite(site.path);
    const content = text(child(child(parseXml(output.text("feed.xml") ?? ""), "entry")!, "content"));
    const urls = [...parse5.parseFragment(content).childNodes].flatMap(function walk(node): string[] {
      const own = "attrs" in node ? node.attrs.filter((a) => ["href", "src", "cite", "srcset", "longdesc"].includes(a.name)).flatMap((a) => (a.name === "srcset" ? a.value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "") : [a.value])) : [];
      return [...own, ...("childNodes" in node ? node.childNodes.flatMap(walk) : [])];
    });
    expect(urls.sort()).toEqual(["https://example.org/sub/images/a.png", "https://example.org/sub/images/a.png", "https://example.org/sub/images/b.png", "https://example.org/sub/images/c.png", "https://example.org/sub/issues/2011-04/", "https://example.org/sub/issues/2011-04/"]);
  });
  // "//cdn.example.org/x" (embed code copied into an issue) is no absolute URL: the page resolves it to its own scheme, but an
  // entry or a message read away from the site has none (a mail app's mailbox: or file: base), so it went nowhere.
  it("a scheme-relative address in an issue takes the site's scheme in feeds and in the email", async () => {
    const site = tempSite({
      "gekkan.config.json": `${JSON.stringify({ title: "月刊", url: "https://example.org/sub/" })}\n`,
      "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }, '[動画](//cdn.example.org/v?a=1&b=2) と <img src="//cdn.example.org/p.png" alt="p">\n'),
    });
    temps.push(site);
    const { output } = await generateSite(site.path);
    const urlsOf = (html: string) => [...html.matchAll(/ (?:href|src)="([^"]*)"/g)].map((m) => (m[1] ?? "").replace(/&#x26;|&amp;/g, "&")).filter((url) => url.includes("cdn."));
    const bodies = {
      atom: text(child(child(parseXml(output.text("feed.xml") ?? ""), "entry")!, "content")),
      json: (JSON.parse(output.text("feed.json") ?? "") as { items: Array<{ content_html: string }> }).items[0]?.content_html ?? "",
      email: output.text("issues/2011-04/email.html") ?? "",
    };
    for (const [name, html] of Object.entries(bodies)) expect(urlsOf(html).sort(), name).toEqual(["https://cdn.example.org/p.png", "https://cdn.example.org/v?a=1&b=2"]);
  });
  // An edition with no title or description of its own in the config shows the site's, in the site's language: its pages
  // mark them (<span lang="ja">), and an Atom feed of the English edition said they were English.
  it("an edition's Atom feeds say the language of a title or subtitle that is the site's own", async () => {
    const site = tempSite({
      "gekkan.config.json": `${JSON.stringify({ title: "月刊", description: "毎月のコラム", url: "https://example.org/", lang: "ja", languages: { en: { description: "A monthly column" } } })}\n`,
      "content/issues/2011/2011-04.md": "---\ntitle: 4月号\nissue: 1\ndate: 2011-04-01\ntags: [pacemaker]\n---\n\n本文。\n",
      "content/issues/2011/2011-04.en.md": "---\ntitle: April\nissue: 1\ndate: 2011-04-01\nlang: en\ntags: [pacemaker]\n---\n\nText.\n",
    });
    temps.push(site);
    const { output } = await generateSite(site.path);
    /** The language XML gives an element: its own xml:lang, else its parent's. */
    const langOf = (root: XmlNode, name: string) => xmlAttr(child(root, name), "xml:lang") ?? xmlAttr(root, "xml:lang");
    for (const path of ["en/feed.xml", "en/components/pacemaker/feed.xml"]) {
      const feed = parseXml(output.text(path) ?? "");
      expect(text(child(feed, "title")), path).toMatch(/^月刊/);
      expect({ title: langOf(feed, "title"), subtitle: langOf(feed, "subtitle") }, path).toEqual({ title: "ja", subtitle: "en" });
    }
    for (const path of ["feed.xml", "components/pacemaker/feed.xml"]) {
      const feed = parseXml(output.text(path) ?? "");
      expect({ title: langOf(feed, "title"), subtitle: langOf(feed, "subtitle") }, path).toEqual({ title: "ja", subtitle: "ja" });
    }
  });
  // The required elements of RFC 4287 (Atom), RSS 2.0 and JSON Feed 1.1, in every feed a site with a translation and a component writes.
  it("every feed has what its specification requires", async () => {
    const site = tempSite({
      "gekkan.config.json": `${JSON.stringify({ title: "月刊", url: "https://example.org/sub/", lang: "ja", languages: { en: { title: "Monthly" } } })}\n`,
      "content/issues/2011/2011-04.md": "---\ntitle: 4月号\nissue: 1\ndate: 2011-04-01\nupdated: 2011-04-20\ntags: [pacemaker]\n---\n\n本文。\n",
      "content/issues/2011/2011-04.en.md": "---\ntitle: April\nissue: 1\ndate: 2011-04-01\nlang: en\ntags: [pacemaker]\n---\n\nText.\n",
    });
    temps.push(site);
    const { output } = await generateSite(site.path);
    const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
    const rfc822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d (GMT|[+-]\d{4})$/;
    for (const path of ["feed.xml", "en/feed.xml", "components/pacemaker/feed.xml", "en/components/pacemaker/feed.xml"]) {
      const feed = parseXml(output.text(path) ?? "");
      for (const name of ["id", "title", "updated"]) expect(children(feed, name), `${path} ${name}`).toHaveLength(1);
      expect(children(feed, "link").find((link) => xmlAttr(link, "rel") === "self")?.attributes?.["href"]).toBe(`https://example.org/sub/${path}`);
      expect(xmlAttr(feed, "xml:lang")).toBe(path.startsWith("en/") ? "en" : "ja");
      for (const entry of children(feed, "entry")) {
        for (const name of ["id", "title", "updated"]) expect(children(entry, name), `${path} entry ${name}`).toHaveLength(1);
        expect(text(child(entry, "updated"))).toMatch(rfc3339);
        expect(children(feed, "author").length + children(entry, "author").length).toBeGreaterThan(0);
      }
    }
    for (const path of ["rss.xml", "en/rss.xml"]) {
      const channel = child(parseXml(output.text(path) ?? ""), "channel")!;
      for (const name of ["title", "link", "description"]) expect(children(channel, name), `${path} ${name}`).toHaveLength(1);
      expect(text(child(channel, "lastBuildDate"))).toMatch(rfc822);
      expect(children(channel, "atom:link").find((link) => xmlAttr(link, "rel") === "self")?.attributes?.["href"]).toBe(`https://example.org/sub/${path}`);
      for (const item of children(channel, "item")) {
        expect(text(child(item, "pubDate"))).toMatch(rfc822);
        expect(text(child(item, "guid"))).toMatch(/^https:\/\/example\.org\/sub\//);
      }
    }
    for (const path of ["feed.json", "en/feed.json"]) {
      const json = JSON.parse(output.text(path) ?? "{}") as { version: string; title: string; feed_url: string; items: Array<Record<string, unknown>> };
      expect(json.version).toBe("https://jsonfeed.org/version/1.1");
      expect(json.title).not.toBe("");
      expect(json.feed_url).toBe(`https://example.org/sub/${path}`);
      for (const item of json.items) {
        expect(typeof item["id"]).toBe("string");
        expect(typeof item["content_html"]).toBe("string");
        expect(item["date_published"]).toMatch(rfc3339);
        expect(item["date_modified"]).toMatch(rfc3339);
      }
    }
  });
  // The RSS Best Practices Profile (https://www.rssboard.org/rss-profile#data-types-characterdata): titles are plain text, with "&", "<" and ">" written as hexadecimal references.
  it("RSS titles, names and the channel's text are the author's exact text", async () => {
    const site = awkwardSite();
    temps.push(site);
    const { output } = await generateSite(site.path);
    const rss = output.text("rss.xml") ?? "";
    const { titles, desk } = AWKWARD;
    expect(textValues(rss, "item", "title")).toEqual(titles);
    expect(textValues(rss, "channel", "title")).toEqual([AWKWARD.site]);
    expect(textValues(rss, "channel", "description")).toEqual([AWKWARD.description]);
    expect(textValues(rss, "channel", "copyright")).toEqual([`© ${desk}`]);
    expect(textValues(rss, "item", "dc:creator")).toEqual([desk, desk, ...AWKWARD.authors]);
    expect(textValues(rss, "item", "category")).toEqual(["pacemaker"]);
    expect(rss).toContain("<title>Pacemaker &#x26; Corosync &#x3C;2.0&#x3E; の話</title>");
    // An item's description stays HTML: what a reader shows of it is the summary.
    expect(textValues(rss, "item", "description").map(htmlText)).toEqual([AWKWARD.summary]);
    const en = output.text("en/rss.xml") ?? "";
    expect(textValues(en, "channel", "title")).toEqual([AWKWARD.en]);
    expect(textValues(en, "item", "title")).toEqual([AWKWARD.enTitle]);
  });
  // Atom's entry titles and summaries are type="html" (their text is HTML); its other text and all of JSON Feed's is plain.
  it("Atom and JSON Feed titles and names are the author's exact text", async () => {
    const site = awkwardSite();
    temps.push(site);
    const { output } = await generateSite(site.path);
    const { titles, desk, authors } = AWKWARD;
    for (const [path, siteTitle] of [["feed.xml", AWKWARD.site], ["components/pacemaker/feed.xml", `${AWKWARD.site}: Pacemaker`]] as const) {
      const atom = output.text(path) ?? "";
      expect(textValues(atom, "feed", "title"), path).toEqual([siteTitle]);
      expect(textValues(atom, "feed", "subtitle"), path).toEqual([AWKWARD.description]);
      expect(textValues(atom, "feed", "rights"), path).toEqual([`© ${desk}`]);
      expect(textValues(atom, "author", "name"), path).toEqual(path === "feed.xml" ? [desk, desk, desk, ...authors] : [desk, ...authors]);
      expect(textValues(atom, "entry", "title").map(htmlText), path).toEqual(path === "feed.xml" ? titles : [titles[2]]);
    }
    expect(textValues(output.text("en/feed.xml") ?? "", "feed", "title")).toEqual([AWKWARD.en]);
    type Json = { title: string; description: string; authors: Array<{ name: string }>; items: Array<{ title: string; summary?: string; authors: Array<{ name: string }> }> };
    const json = JSON.parse(output.text("feed.json") ?? "{}") as Json;
    expect([json.title, json.description, ...json.authors.map((a) => a.name)]).toEqual([AWKWARD.site, AWKWARD.description, desk]);
    expect(json.items.map((item) => item.title)).toEqual(titles);
    expect(json.items[2]).toMatchObject({ summary: AWKWARD.summary, authors: authors.map((name) => ({ name })) });
    expect((JSON.parse(output.text("en/feed.json") ?? "{}") as Json).title).toBe(AWKWARD.en);
  });
  // JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): an item in another language than its feed's says its own, as an Atom entry does with xml:lang. An edition holds issues in its own language, so the feed is built here from a real site's two editions.
  it("a JSON Feed item in another language than the feed's says its own", async () => {
    const site = tempSite({
      "gekkan.config.json": `${JSON.stringify({ title: "月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Monthly" } } })}\n`,
      "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }),
      "content/issues/2011/2011-04.en.md": "---\ntitle: April\nissue: 1\ndate: 2011-04-01\nlang: en\n---\n\nText.\n",
    });
    temps.push(site);
    const { config, site: ja } = await generateSite(site.path);
    const en = ja.translations[0]!;
    const { routes } = ja;
    const feeds = buildFeeds({ config, issues: [en.issues[0]!, ja.issues[0]!], bodies: new Map(), notes: new Map(), title: "月刊", titleLang: "ja", siteTitle: "月刊", lang: "ja", description: "", descriptionLang: "ja", route: routes.home, atomRoute: routes.atom, jsonRoute: routes.jsonFeed, today: "2011-04-01" });
    const json = JSON.parse(feeds.json) as { language: string; items: Array<{ id: string; language?: string }> };
    expect(json.language).toBe("ja");
    expect(json.items.map((item) => [item.id, item.language])).toEqual([["https://example.org/en/issues/2011-04/", "en"], ["https://example.org/issues/2011-04/", undefined]]);
    expect(children(parseXml(feeds.atom), "entry").map((entry) => xmlAttr(entry, "xml:lang"))).toEqual(["en", undefined]);
  });
});
