/**
 * What readers see, on a small site built for it: titles that never repeat
 * the month label, one date format, reference pages (each Q&A once, one
 * releases table, display names), languages, sharing images and icons, the
 * component rule, page descriptions and an encoded base path. Checked on
 * real HTML and XML parses; the expectations are written out by hand from
 * the issues below, never computed with gekkan's own helpers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Generated } from "../../src/pipeline/generate.js";
import { contentProblems, generateSite } from "../helpers/fixtures.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { allElements, attr, byTag, find, links, meta, normalizeSpace, parseHtml, textContent, urlAttributes, type Document } from "../helpers/html.js";
import { child, children, parseXml, text, xmlAttr } from "../helpers/xml.js";

const CONFIG = {
  title: "テスト月刊",
  description: "テスト用の月刊",
  url: "https://example.org/",
  lang: "ja",
  componentNames: { hawk: "HAWK Web Konsole" },
  image: "images/share.png",
  favicon: "favicon.svg",
};

const APRIL = issue({ title: "2011年4月号", issue: 1, date: "2011-04-01", lang: "ja" }, [
  "![構成図](/images/photo.png)",
  "",
  "## リリース",
  "",
  ':::release{component="pacemaker" version="1.0.11" status="planned" date="2011-04-20"}',
  "日付の決まった予定。",
  ":::",
  "",
  ':::release{component="corosync" version="1.4.0" status="planned"}',
  "日付の決まっていない予定。",
  ":::",
  "",
  ':::qa{components="hawk pacemaker drbd-mc" versions="1.0 1.1"}',
  "三つの GUI はどれも使えますか？",
  "",
  "---",
  "",
  "使えます。",
  ":::",
  "",
  ':::stonith{device="HP iLO3" plugin="ipmi"}',
  "ipmi を使います。",
  ":::",
  "",
].join("\n"));

const MAY = `---\ntitle: "5月のまとめ"\nissue: 2\ndate: 2011-05-01\ntags: [corosync]\n---\n\n:::qa{components="pacemaker"}\n1.1 は 1.0 と混在できますか？\n\n---\n\nできません。\n:::\n`;
/** May's English translation; April has none. */
const MAY_EN = `---\ntitle: "May 2011 recap"\nissue: 2\ndate: 2011-05-01\nlang: en\ntags: [corosync]\n---\n\n:::qa{components="pacemaker"}\nDoes 1.1 run with 1.0?\n\n---\n\nNo.\n:::\n`;

const FILES = {
  "gekkan.config.json": JSON.stringify(CONFIG, null, 2),
  "public/images/share.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  "public/images/photo.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  "public/favicon.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
  "public/CNAME": "news.example.org\n",
  "content/issues/2011/2011-04.md": APRIL,
  "content/issues/2011/2011-05.md": MAY,
  "content/issues/2011/2011-05.en.md": MAY_EN,
};

let dir: TempDir;
let built: Generated;
const page = (path: string): Document => parseHtml(built.output.text(path) ?? "");
const htmlPages = () => built.output.paths().filter((p) => p.endsWith(".html"));
const textOf = (el: Parameters<typeof textContent>[0]) => normalizeSpace(textContent(el));
const hasClass = (name: string) => (e: { attrs: Array<{ name: string; value: string }> }) => (e.attrs.find((a) => a.name === "class")?.value ?? "").split(" ").includes(name);

beforeAll(async () => {
  dir = tempSite(FILES);
  built = await generateSite(dir.path);
});
afterAll(() => dir?.remove());

describe("titles never repeat the month label", () => {
  it("a title that is the label stands alone in <title>, og:title, cards, the archive and /compat/", () => {
    const label = "2011年4月号";
    const twice: string[] = [];
    for (const path of htmlPages()) {
      const doc = page(path);
      for (const el of allElements(doc)) {
        const own = ["h1", "h2", "h3", "p", "li", "a", "title", "article", "th", "td"].includes(el.tagName) ? textOf(el) : "";
        const content = el.tagName === "meta" ? attr(el, "content") ?? "" : "";
        for (const value of [own, content]) if (value.split(label).length > 2) twice.push(`${path}: <${el.tagName}> ${value}`);
      }
    }
    expect(twice).toEqual([]);
    const april = page("issues/2011-04/index.html");
    expect(textOf(byTag(april, "title")[0]!)).toBe("2011年4月号 | テスト月刊");
    expect(meta(april, "og:title")).toBe("2011年4月号");
    // The label is still given where the title does not say it.
    expect(textOf(byTag(page("issues/2011-05/index.html"), "title")[0]!)).toBe("5月のまとめ (2011年5月号) | テスト月刊");
  });

  it("the archive shows issue numbers, not list numbers counting down", () => {
    const archive = page("archive/index.html");
    const main = byTag(archive, "main")[0]!;
    expect(byTag(main, "ol")).toEqual([]);
    expect(byTag(main, "li").map(textOf)).toEqual(["第2号 2011年5月号 · 5月のまとめ", "第1号 2011年4月号"]);
  });
});

describe("outline", () => {
  it("a block's title is one level below the heading it follows, so no level is skipped", () => {
    const levels = (path: string) => allElements(page(path)).filter(hasClass("block-title")).map((h) => h.tagName);
    expect(levels("issues/2011-04/index.html")).toEqual(["h3", "h3", "h3", "h3"]);
    expect(levels("issues/2011-05/index.html")).toEqual(["h2"]);
  });
});

describe("dates", () => {
  it("no page shows a raw YYYY-MM-DD date; a block and /releases/ write the same date the same way", () => {
    for (const path of htmlPages()) expect(textOf(byTag(page(path), "body")[0]!), path).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const block = find(page("issues/2011-04/index.html"), (e) => e.tagName === "time" && attr(e, "datetime") === "2011-04-20");
    const row = find(page("releases/index.html"), (e) => e.tagName === "time" && attr(e, "datetime") === "2011-04-20");
    expect(block && textOf(block)).toBe("2011年4月20日");
    expect(row && textOf(row)).toBe("2011年4月20日");
  });

  it("a planned release without a date shows no date, not its issue's", () => {
    const corosync = byTag(page("releases/index.html"), "tr").find((tr) => textOf(tr).includes("Corosync 1.4.0"));
    expect(corosync).toBeDefined();
    expect(corosync && textOf(corosync)).not.toContain("2011年4月1日");
    expect(textOf(byTag(page("components/corosync/index.html"), "main")[0]!)).not.toContain("2011年4月1日 (");
  });
});

describe("reference pages", () => {
  it("/compat/ shows each Q&A once, with its components as links under their display names", () => {
    const compat = page("compat/index.html");
    const entries = allElements(compat).filter(hasClass("qa-entry"));
    expect(entries.map((e) => textOf(byTag(e, "h2")[0]!))).toEqual(["1.1 は 1.0 と混在できますか？", "三つの GUI はどれも使えますか？"]);
    const three = entries[1]!;
    expect(byTag(three, "a").filter((a) => (attr(a, "href") ?? "").startsWith("/components/")).map((a) => `${textOf(a)} ${attr(a, "href")}`)).toEqual([
      "HAWK Web Konsole /components/hawk/",
      "Pacemaker /components/pacemaker/",
      "DRBD MC /components/drbd-mc/",
    ]);
  });

  it("/releases/ is one table with fixed columns, and the version column holds versions only", () => {
    const releases = page("releases/index.html");
    const tables = byTag(releases, "table");
    expect(tables).toHaveLength(1);
    expect(byTag(byTag(tables[0]!, "thead")[0]!, "th").map(textOf)).toEqual(["コンポーネント", "バージョン", "内容", "状態", "日付", "掲載号"]);
    const rows = byTag(byTag(tables[0]!, "tbody")[0]!, "tr").map((tr) => allElements(tr).filter((e) => e.tagName === "td" || e.tagName === "th").filter((e) => e.parentNode === tr).map(textOf));
    expect(rows).toEqual([
      ["Corosync", "1.4.0", "Corosync 1.4.0", "リリース予定", "—日付なし", "2011年4月号"],
      ["Pacemaker", "1.0.11", "Pacemaker 1.0.11", "リリース予定", "2011年4月20日", "2011年4月号"],
    ]);
  });

  it("components are shown by their display names: configured, built in, or the name itself", () => {
    expect(textOf(byTag(page("components/hawk/index.html"), "h1")[0]!)).toBe("コンポーネント: HAWK Web Konsole");
    expect(textOf(byTag(page("components/drbd-mc/index.html"), "h1")[0]!)).toBe("コンポーネント: DRBD MC");
    const list = byTag(find(page("components/index.html"), hasClass("component-list"))!, "a").map(textOf);
    expect(list).toEqual(["Corosync", "DRBD MC", "HAWK Web Konsole", "Pacemaker", "STONITH"]);
  });

  it("each list and reference page has its own description", () => {
    const routes = ["archive/", "archive/2011/", "releases/", "compat/", "stonith/", "components/", "components/hawk/", "components/pacemaker/", "search/"];
    const descriptions = routes.map((r) => meta(page(`${r}index.html`), "description"));
    expect(descriptions.every((d) => d !== undefined && d !== "" && d !== CONFIG.description), descriptions.join("\n")).toBe(true);
    expect(new Set(descriptions).size).toBe(routes.length);
  });
});

describe("which issues belong to a component: one rule for its page and its feed", () => {
  // By hand: April names pacemaker, corosync (releases), hawk, drbd-mc (Q&A) and stonith (a note), with no tags;
  // May is tagged corosync and has a Q&A about pacemaker.
  const expected: Record<string, string[]> = {
    pacemaker: ["issues/2011-05/", "issues/2011-04/"],
    corosync: ["issues/2011-05/", "issues/2011-04/"],
    hawk: ["issues/2011-04/"],
    "drbd-mc": ["issues/2011-04/"],
    stonith: ["issues/2011-04/"],
  };
  it.each(Object.keys(expected))("%s", (name) => {
    const section = find(page(`components/${name}/index.html`), (e) => attr(e, "aria-labelledby") === "c-issues")!;
    const onPage = byTag(section, "h3").map((h) => (attr(byTag(h, "a")[0]!, "href") ?? "").replace(/^\//, ""));
    const inFeed = children(parseXml(built.output.text(`components/${name}/feed.xml`) ?? ""), "entry").map((e) => text(child(e, "id")).replace("https://example.org/", ""));
    expect(onPage).toEqual(expected[name]);
    expect(inFeed).toEqual(expected[name]);
  });
});

describe("languages", () => {
  it("a translation's reference pages show its blocks, and an untranslated issue's in that issue's language (lang=\"ja\")", () => {
    const entries = allElements(page("en/compat/index.html")).filter(hasClass("qa-entry"));
    // One entry per Q&A: May's in its English translation, April's (not translated) as written.
    expect(entries.map((e) => `${attr(byTag(e, "h2")[0]!, "lang")} ${textOf(byTag(e, "h2")[0]!)}`)).toEqual(["en Does 1.1 run with 1.0?", "ja 三つの GUI はどれも使えますか？"]);
    expect(attr(find(entries[1]!, hasClass("qa-answer"))!, "lang")).toBe("ja");
    expect(attr(byTag(page("en/compat/index.html"), "html")[0]!, "lang")).toBe("en");
    // The site's own pages show the originals only.
    expect(allElements(page("compat/index.html")).filter(hasClass("qa-entry")).map((e) => attr(byTag(e, "h2")[0]!, "lang"))).toEqual(["ja", "ja"]);
    const card = find(page("en/index.html"), hasClass("issue-card-title"))!;
    expect(`${attr(card, "lang")} ${textOf(card)}`).toBe("en May 2011 recap");
  });

  it("each language's Atom feed says its language, and holds that language's issues", () => {
    const entries = (path: string) => children(parseXml(built.output.text(path) ?? ""), "entry").map((e) => `${text(child(e, "id"))} ${xmlAttr(e, "xml:lang") ?? "-"}`);
    expect(xmlAttr(parseXml(built.output.text("feed.xml") ?? ""), "xml:lang")).toBe("ja");
    expect(entries("feed.xml")).toEqual(["https://example.org/issues/2011-05/ -", "https://example.org/issues/2011-04/ -"]);
    expect(xmlAttr(parseXml(built.output.text("en/feed.xml") ?? ""), "xml:lang")).toBe("en");
    expect(entries("en/feed.xml")).toEqual(["https://example.org/en/issues/2011-05/ -"]);
  });
});

describe("public/: pictures, the sharing image, the icon", () => {
  it("copies public/ as it is", () => {
    for (const path of ["images/share.png", "images/photo.png", "favicon.svg", "CNAME"]) expect(built.output.has(path), path).toBe(true);
  });

  it("og:image is the issue's own picture, else the configured image, as an absolute URL", () => {
    expect(meta(page("issues/2011-04/index.html"), "og:image")).toBe("https://example.org/images/photo.png");
    expect(meta(page("issues/2011-05/index.html"), "og:image")).toBe("https://example.org/images/share.png");
    expect(meta(page("index.html"), "og:image")).toBe("https://example.org/images/share.png");
    expect(meta(page("index.html"), "twitter:card")).toBe("summary_large_image");
  });

  it("links the configured icon, or the theme's own without one", async () => {
    expect(links(page("index.html"), "icon").map((l) => `${attr(l, "href")} ${attr(l, "type")}`)).toEqual(["/favicon.svg image/svg+xml"]);
    const plain = tempSite({ "gekkan.config.json": JSON.stringify({ title: "x", url: "https://example.org/" }), "content/issues/2011/2011-04.md": issue({ title: "t", issue: 1, date: "2011-04-01" }) });
    try {
      const { output } = await generateSite(plain.path);
      const home = parseHtml(output.text("index.html") ?? "");
      expect(links(home, "icon").map((l) => attr(l, "href"))).toEqual(["/assets/favicon.svg"]);
      expect(output.has("assets/favicon.svg")).toBe(true);
      expect(meta(home, "og:image")).toBeUndefined();
      expect(meta(home, "twitter:card")).toBe("summary");
    } finally {
      plain.remove();
    }
  });
});

describe("the icon's type", () => {
  // The media types browsers expect (IANA); a file that is not a picture gets no type rather than a wrong one.
  it.each([["favicon.ico", "image/x-icon"], ["icon.PNG", "image/png"], ["icon.avif", "image/avif"], ["icon.webp", "image/webp"], ["icon.txt", ""]])("%s: type=%j", async (name, type) => {
    const site = tempSite({ "gekkan.config.json": JSON.stringify({ title: "x", url: "https://example.org/", favicon: name }), [`public/${name}`]: "x", "content/issues/2011/2011-04.md": issue({ title: "t", issue: 1, date: "2011-04-01" }) });
    try {
      const { output } = await generateSite(site.path);
      expect(links(parseHtml(output.text("index.html") ?? ""), "icon").map((l) => `${attr(l, "href")} ${attr(l, "type") ?? ""}`)).toEqual([`/${name} ${type}`]);
    } finally {
      site.remove();
    }
  });
});

describe("config mistakes are located", () => {
  const errorsOf = async (config: Record<string, unknown>): Promise<string[]> => {
    const site = tempSite({ "gekkan.config.json": JSON.stringify(config, null, 2), "content/issues/2011/2011-04.md": issue({ title: "t", issue: 1, date: "2011-04-01" }) });
    try {
      return await contentProblems(() => generateSite(site.path));
    } finally {
      site.remove();
    }
  };

  it("a componentNames key that is not a component, with a suggestion", async () => {
    expect(await errorsOf({ url: "https://example.org/", componentNames: { hawkk: "Hawk" } })).toEqual([
      'gekkan.config.json:4:14  invalid config field "componentNames.hawkk": expected a mapping from component name to the name readers see, e.g. {"drbd-mc": "DRBD MC"}, found the string "hawkk" ("hawkk" is not a known component — did you mean hawk?)',
    ]);
  });

  it("an image or favicon that is not in public/", async () => {
    expect(await errorsOf({ url: "https://example.org/", image: "images/none.png", favicon: "/icon.svg" })).toEqual([
      'gekkan.config.json:3:12  config field "image": public/images/none.png does not exist; put the file there or correct the path',
      'gekkan.config.json:4:14  config field "favicon": public/icon.svg does not exist; put the file there or correct the path',
    ]);
  });
});

describe("base path", () => {
  it('--base "/a b/" writes every site URL percent-encoded', async () => {
    const { output } = await generateSite(dir.path, { base: "/a b/" });
    const bad: string[] = [];
    let seen = 0;
    for (const path of output.paths().filter((p) => p.endsWith(".html"))) {
      for (const { name, value } of urlAttributes(parseHtml(output.text(path) ?? ""))) {
        if (!value.startsWith("/")) continue;
        seen++;
        if (!value.startsWith("/a%20b/")) bad.push(`${path}: ${name}="${value}"`);
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect(bad).toEqual([]);
  });
});
