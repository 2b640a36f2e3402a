/**
 * Links an author writes in an issue's own text to a page of the other
 * edition, on test/fixtures/translations (built under /news/): issue 1 is in
 * Japanese and English, issue 2 (May, about Corosync) in Japanese only.
 *
 * The templates' links that leave the reader's edition say so with hreflang
 * (views.ts leavesEdition), but a link in the English April's text to the
 * Japanese May (root-relative, relative, absolute, or in a block) did not:
 * it now has hreflang="ja", wherever the body goes (its page, the feeds),
 * and its words stay the author's. A link to a page of the same edition, to
 * no page (a feed, an image) or off the site is left as written, and so is a
 * link to a page that is not built; a translation added later marks it.
 *
 * Read with parse5; expectations written by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Generated } from "../../src/pipeline/generate.js";
import { pageLanguages } from "../../src/site/page-languages.js";
import { builtPage, fixtureVariants } from "../helpers/fixtures.js";
import { allElements, attr, byTag, normalizeSpace, textContent, type Element } from "../helpers/html.js";

const EN_APRIL = `---
title: "April"
issue: 1
date: 2011-05-02
tags: [pacemaker]
lang: en
---

Links: [May](/issues/2011-05/), [May again](../../../issues/2011-05/), [May in full](https://example.org/news/issues/2011-05/#top),
[Corosync](/components/corosync/), [Pacemaker](/en/components/pacemaker/), [top](#top), [the feed](/feed.xml),
[elsewhere](https://example.com/issues/2011-05/), [the original](/issues/2011-04/).

:::release{component="pacemaker" version="1.0.11" status="planned"}
Due soon; see [May](/issues/2011-05/).
:::
`;

const JA_APRIL = `---
title: "4月号"
issue: 1
date: 2011-04-01
tags: [pacemaker]
---

四月の号です。[英語版](/en/issues/2011-04/)、[5月号の英語版](/en/issues/2011-05/)。
`;

const EN_MAY = "---\ntitle: \"May\"\nissue: 2\ndate: 2011-05-03\ntags: [corosync]\nlang: en\n---\n\nThe May issue in English.\n";

/** Copies of the fixture with more files, built; removed after the file's tests. */
const { buildWith, remove } = fixtureVariants("translations", "body-links-");
afterAll(remove);

let built: Generated;
beforeAll(async () => {
  built = await buildWith({ "content/issues/2011/2011-04.en.md": EN_APRIL, "content/issues/2011/2011-04.md": JA_APRIL });
}, 60_000);

/** The links of an issue page's article body: [text, href, hreflang]. */
function bodyLinks(site: Generated, path: string): Array<[string, string | undefined, string | undefined]> {
  const body = allElements(builtPage(site, path)).find((el) => el.tagName === "div" && (attr(el, "class") ?? "").split(" ").includes("issue-body"));
  if (body === undefined) throw new Error(`no issue body on ${path}`);
  return byTag(body, "a").filter((a) => !(attr(a, "href") ?? "").startsWith("#user-content")).map((a: Element) => [normalizeSpace(textContent(a)), attr(a, "href"), attr(a, "hreflang")]);
}

describe("links in an issue's text to another edition's pages", () => {
  it("say the language they lead to, however they are written; others are left as written", () => {
    const links = bodyLinks(built, "en/issues/2011-04/index.html");
    expect(links).toEqual(expect.arrayContaining([
      ["May", "/news/issues/2011-05/", "ja"],
      ["May again", "../../../issues/2011-05/", "ja"],
      ["May in full", "https://example.org/news/issues/2011-05/#top", "ja"],
      ["Corosync", "/news/components/corosync/", "ja"],
      ["the original", "/news/issues/2011-04/", "ja"],
      ["Pacemaker", "/news/en/components/pacemaker/", undefined],
      ["top", "#top", undefined],
      ["the feed", "/news/feed.xml", undefined],
      ["elsewhere", "https://example.com/issues/2011-05/", undefined],
    ]));
  });

  it("in a block's text too, and the link's words stay the author's", () => {
    const links = bodyLinks(built, "en/issues/2011-04/index.html").filter(([text]) => text === "May");
    expect(links).toEqual([["May", "/news/issues/2011-05/", "ja"], ["May", "/news/issues/2011-05/", "ja"]]);
  });

  it("from the original to its translation, but not to a translation that is not built", () => {
    expect(bodyLinks(built, "issues/2011-04/index.html")).toEqual([
      ["英語版", "/news/en/issues/2011-04/", "en"],
      ["5月号の英語版", "/news/en/issues/2011-05/", undefined],
    ]);
  });

  it("the feeds carry the body as its page has it", () => {
    const feed = built.output.text("en/feed.xml") ?? "";
    expect(feed).toContain('<a href="https://example.org/news/issues/2011-05/" hreflang="ja">May</a>');
    expect(feed).toContain('<a href="https://example.org/news/en/components/pacemaker/">Pacemaker</a>');
  });

  it("a translation added later marks the link to it", async () => {
    const site = await buildWith({ "content/issues/2011/2011-04.en.md": EN_APRIL, "content/issues/2011/2011-04.md": JA_APRIL, "content/issues/2011/2011-05.en.md": EN_MAY });
    expect(bodyLinks(site, "issues/2011-04/index.html")).toContainEqual(["5月号の英語版", "/news/en/issues/2011-05/", "en"]);
  }, 60_000);
});

describe("the pages links are marked by (page-languages.ts)", () => {
  // An issue's email.html is no page of the site (nothing links it); the 404 page is nobody's link target.
  it("are every page the build writes, in the language its <html> says", async () => {
    const site = await buildWith({ "content/issues/2011/2011-05.md": "---\ntitle: \"5月号\"\nissue: 2\ndate: 2011-05-01\nslug: may\naliases: [2011-05]\ntags: [corosync]\n---\n\n五月の号です。\n" });
    const written = site.output.paths().filter((path) => path.endsWith("/index.html") || path === "index.html").sort();
    const pages = pageLanguages(site.site, site.config.search);
    expect([...pages.keys()].sort()).toEqual(written);
    for (const path of written) {
      const html = allElements(builtPage(site, path)).find((el) => el.tagName === "html") as Element;
      expect([path, pages.get(path)]).toEqual([path, attr(html, "lang")]);
    }
  }, 60_000);
});
