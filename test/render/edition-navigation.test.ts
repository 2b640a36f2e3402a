/**
 * An English reader's ways around a site whose issues are not all translated,
 * on test/fixtures/translations (built under /news/): issue 1 is in Japanese
 * and English, issue 2 (May, about Corosync) in Japanese only.
 *
 * - A page with no version in an edition's language (May's Japanese page) had
 *   an empty language switch: a reader who followed a "(Japanese)" link from
 *   /en/ was stranded in Japanese. Its switch now offers the English edition's
 *   front page, named as a front page, and still no hreflang alternate.
 * - /en/ said nothing of the issues it does not have: it now says how many,
 *   and links the Japanese archive.
 * - /en/components/corosync/ listed English issues only, while its release
 *   rows already showed Japanese-only entries marked "(Japanese)": its issue
 *   list now has May too, marked the same way, in issue order; its feed stays English.
 * - /en/components/stonith/feed.xml, with no English entry, was dated by the
 *   build's day; it is dated as the edition's newest issue.
 *
 * Read with parse5; expectations written by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Generated } from "../../src/pipeline/generate.js";
import { builtPage, fixtureVariants, generateFixture } from "../helpers/fixtures.js";
import { allElements, attr, byTag, normalizeSpace, textContent, type Document, type Element } from "../helpers/html.js";

let built: Generated;
beforeAll(async () => {
  built = await generateFixture("translations");
}, 60_000);

const page = (path: string, from: Generated = built): Document => builtPage(from, path);
const text = (el: Element) => normalizeSpace(textContent(el));
const byClass = (root: Document | Element, tag: string, cls: string) => allElements(root).filter((el) => el.tagName === tag && (attr(el, "class") ?? "").split(" ").includes(cls));
/** The header's language switch links, as a reader meets them. */
function switchLinks(doc: Document): Element[] {
  const nav = byClass(doc, "nav", "language-switch")[0];
  return nav === undefined ? [] : byTag(nav, "a");
}
const headAlternates = (doc: Document) => byTag(doc, "link").filter((l) => attr(l, "rel") === "alternate" && attr(l, "hreflang") !== undefined);

/** Copies of the fixture with more files, built; removed after the file's tests. */
const { buildWith, remove } = fixtureVariants("translations", "edition-nav-");
afterAll(remove);

describe("a page that is in one edition only", () => {
  it("an untranslated issue's switch leads to the English edition's front page, named as such", () => {
    const doc = page("issues/2011-05/index.html");
    const links = switchLinks(doc);
    expect(links.map((a) => [attr(a, "href"), attr(a, "hreflang"), attr(a, "lang"), text(a), attr(a, "aria-label"), attr(a, "title"), attr(a, "rel")])).toEqual([
      ["/news/en/", "en", "en", "English", "English edition (front page)", "English edition (front page)", undefined],
    ]);
    // It is no alternate of this page: the head names none.
    expect(headAlternates(doc)).toEqual([]);
  });

  it("a translated issue's switch is as before: its version, an alternate, no front-page name", () => {
    const links = switchLinks(page("issues/2011-04/index.html"));
    expect(links.map((a) => [attr(a, "href"), attr(a, "hreflang"), attr(a, "rel"), attr(a, "aria-label")])).toEqual([["/news/en/issues/2011-04/", "en", "alternate", undefined]]);
  });

  it("a component page of the English edition only offers the Japanese edition's front page, in Japanese", async () => {
    const site = await buildWith({
      "content/issues/2011/2011-04.en.md": "---\ntitle: \"April\"\nissue: 1\ndate: 2011-05-02\ntags: [pacemaker, heartbeat]\nlang: en\n---\n\nThe April issue in English, about Heartbeat too.\n",
    });
    const doc = page("en/components/heartbeat/index.html", site);
    expect(site.output.text("components/heartbeat/index.html")).toBeUndefined();
    expect(switchLinks(doc).map((a) => [attr(a, "href"), attr(a, "hreflang"), attr(a, "lang"), text(a), attr(a, "aria-label"), attr(a, "rel")])).toEqual([
      ["/news/", "ja", "ja", "日本語", "日本語版（トップページ）", undefined],
    ]);
    expect(headAlternates(doc)).toEqual([]);
  }, 60_000);
});

describe("the English front page and the issues not translated yet", () => {
  const note = (doc: Document) => byClass(doc, "p", "other-edition");

  it("/en/ says how many issues are in Japanese only and links the Japanese archive", () => {
    const [p, ...more] = note(page("en/index.html"));
    expect(more).toEqual([]);
    expect(p && text(p)).toBe("1 more issue is in Japanese only. Japanese archive →");
    const a = p && byTag(p, "a")[0];
    expect(a && [attr(a, "href"), attr(a, "hreflang")]).toEqual(["/news/archive/", "ja"]);
  });

  it("the site's own front page has no such note", () => {
    const doc = page("index.html");
    expect(note(doc)).toEqual([]);
    const main = allElements(doc).find((el) => el.tagName === "main") as Element;
    expect(byTag(main, "a").filter((a) => attr(a, "hreflang") !== undefined)).toEqual([]);
  });

  it("with every issue translated, /en/ has no note", async () => {
    const site = await buildWith({ "content/issues/2011/2011-05.en.md": "---\ntitle: \"May\"\nissue: 2\ndate: 2011-05-01\ntags: [corosync]\nlang: en\n---\n\nThe May issue in English.\n" });
    expect(note(page("en/index.html", site))).toEqual([]);
  }, 60_000);

  it("counts in the plural", async () => {
    const site = await buildWith({ "content/issues/2011/2011-07.md": "---\ntitle: \"7月号\"\nissue: 4\ndate: 2011-07-01\n---\n\n七月の号です。\n" });
    const [p] = note(page("en/index.html", site));
    expect(p && text(p)).toBe("2 more issues are in Japanese only. Japanese archive →");
  }, 60_000);
});

describe("an English component page's issues", () => {
  const cards = (doc: Document) => {
    const section = allElements(doc).find((el) => el.tagName === "section" && attr(el, "aria-labelledby") === "c-issues");
    if (section === undefined) throw new Error("no issue list");
    return byTag(section, "article");
  };

  it("lists the component's Japanese-only issue too, marked, in issue order", () => {
    const list = cards(page("en/components/corosync/index.html")).map((card) => {
      const title = byTag(card, "a")[0] as Element;
      return [text(byClass(card, "p", "issue-meta")[0] as Element), attr(title, "href"), attr(title, "hreflang")];
    });
    expect(list).toEqual([
      ["May 2011 · Issue 2 (Japanese)", "/news/issues/2011-05/", "ja"],
      ["April 2011 · Issue 1", "/news/en/issues/2011-04/", undefined],
    ]);
  });

  it("the components index counts what each page lists", () => {
    const row = allElements(page("en/components/index.html")).find((el) => (el.tagName === "li" || el.tagName === "tr") && byTag(el, "a").some((a) => attr(a, "href") === "/news/en/components/corosync/"));
    expect(row && text(row)).toBe("Corosync (Issue 2 · Release news 1 · Q&A 1)");
  });

  // The Japanese April has a STONITH note; its English translation has none. /en/components/stonith/ showed the note's row (from the original) under an empty issue list, and /en/components/ counted 0 issues.
  it("lists the translated issue whose translation lacks the block, as the original, marked, beside the row it shows", () => {
    const doc = page("en/components/stonith/index.html");
    const list = cards(doc).map((card) => {
      const title = byTag(card, "a")[0] as Element;
      return [text(byClass(card, "p", "issue-meta")[0] as Element), attr(title, "href"), attr(title, "hreflang")];
    });
    expect(list).toEqual([["April 2011 · Issue 1 (Japanese)", "/news/issues/2011-04/", "ja"]]);
    const row = allElements(page("en/components/index.html")).find((el) => (el.tagName === "li" || el.tagName === "tr") && byTag(el, "a").some((a) => attr(a, "href") === "/news/en/components/stonith/"));
    expect(row && text(row)).toContain("Issue 1");
  });

  it("lists an issue once: the translation when it has the block too, not its original beside it", async () => {
    const site = await buildWith({
      "content/issues/2011/2011-04.en.md": "---\ntitle: \"April\"\nissue: 1\ndate: 2011-05-02\ntags: [pacemaker]\nlang: en\n---\n\nThe April issue in English.\n\n:::stonith{device=\"HP iLO3\" plugin=\"ipmi\" vendor=\"HP\"}\nUse the ipmi plugin for iLO3.\n:::\n",
    });
    const list = cards(page("en/components/stonith/index.html", site)).map((card) => attr(byTag(card, "a")[0] as Element, "href"));
    expect(list).toEqual(["/news/en/issues/2011-04/"]);
  }, 60_000);

  it("its feed stays the English edition's: no Japanese issue in it", () => {
    const feed = built.output.text("en/components/corosync/feed.xml") ?? "";
    const entryLinks = [...feed.matchAll(/<entry>[\s\S]*?<link href="([^"]*)"/g)].map((m) => m[1]);
    expect(entryLinks).toEqual(["https://example.org/news/en/issues/2011-04/"]);
  });

  it("the Japanese component page is as before: its own issues only, no language note", () => {
    const list = cards(page("components/corosync/index.html"));
    expect(list.map((card) => attr(byTag(card, "a")[0] as Element, "href"))).toEqual(["/news/issues/2011-05/"]);
    for (const card of list) expect(byClass(card, "span", "other-language")).toEqual([]);
  });
});

describe("an English component feed with no entry", () => {
  // It was dated by the build's day: it changed daily with nothing new, and a cached build the next day kept yesterday's.
  it("is dated as the edition's newest issue, not by the build's day", () => {
    // STONITH: the Japanese April's note has no English version, so its English feed has no entry.
    const feed = built.output.text("en/components/stonith/feed.xml") ?? "";
    expect(feed).not.toContain("<entry>");
    expect([...feed.matchAll(/<updated>([^<]*)<\/updated>/g)].map((m) => m[1])).toEqual(["2011-05-02T00:00:00.000Z"]);
  });
});
