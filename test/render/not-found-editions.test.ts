/**
 * A site with an English edition has one 404 page, /404.html (the one every
 * static host serves for a missing address), and it was all Japanese: an
 * English reader who mistyped an address, or tried /en/issues/2011-05/ for an
 * issue not translated yet, read ページが見つかりません and had no way back to
 * /en/ but the Japanese menu. The page now also says it in each translation's
 * language, under its lang, with that edition's front page, archive and search.
 * On test/fixtures/translations (built under /news/) and a site with no
 * translation; read with parse5, expectations written by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Generated } from "../../src/pipeline/generate.js";
import { generateFixture, generateSite } from "../helpers/fixtures.js";
import { allElements, attr, byTag, normalizeSpace, parseHtml, textContent, type Element } from "../helpers/html.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

let built: Generated;
let plainSite: TempDir;
let plain: Generated;
beforeAll(async () => {
  built = await generateFixture("translations");
  plainSite = tempSite({ "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }) });
  plain = await generateSite(plainSite.path);
}, 60_000);
afterAll(() => plainSite.remove());

const mainOf = (site: Generated): Element => {
  const html = site.output.text("404.html");
  if (html === undefined) throw new Error("no 404.html");
  const main = allElements(parseHtml(html)).find((el) => el.tagName === "main");
  if (main === undefined) throw new Error("404.html has no main");
  return main;
};
const text = (el: Element) => normalizeSpace(textContent(el));
const linksOf = (el: Element) => byTag(el, "a").map((a) => `${text(a)} ${attr(a, "href")}`);

describe("the 404 page of a site with an English edition", () => {
  it("says it in English too, under lang=en, with the English edition's pages", () => {
    const english = allElements(mainOf(built)).filter((el) => attr(el, "lang") === "en");
    expect(english.length).toBe(1);
    const part = english[0] as Element;
    expect(text(part)).toContain("Page not found");
    expect(text(part)).toContain("The page you are looking for has moved or never existed.");
    expect(linksOf(part)).toEqual(["Back to the front page /news/en/", "Archive /news/en/archive/", "Search /news/en/search/"]);
  });

  it("keeps the site's own language first, as before", () => {
    const main = mainOf(built);
    expect(text(byTag(main, "h1")[0] as Element)).toBe("ページが見つかりません");
    expect(linksOf(main).slice(0, 3)).toEqual(["トップページへ戻る /news/", "バックナンバー /news/archive/", "検索 /news/search/"]);
  });

  it("has no id twice", () => {
    const ids = allElements(mainOf(built)).flatMap((el) => attr(el, "id") ?? []);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe("the 404 page of a site with no translation", () => {
  it("is in the site's language only", () => {
    const main = mainOf(plain);
    expect(allElements(main).filter((el) => attr(el, "lang") !== undefined)).toEqual([]);
    expect(linksOf(main)).toEqual(["トップページへ戻る /", "バックナンバー /archive/", "検索 /search/"]);
  });
});
