/**
 * An English reader on /en/stonith/, /en/releases/, /en/compat/ or a
 * component page follows an entry that exists only in Japanese (a block the
 * translation does not have, an issue not yet translated) and lands on a
 * Japanese page with no warning: the row's device name and "April 2011" said
 * nothing of it, and no link carried hreflang. Each link that leaves the
 * edition now says the language it leads to (hreflang), and its row says so
 * in the reader's words, "(Japanese)". On test/fixtures/translations (built
 * under /news/): the Japanese April's STONITH note and May's Corosync release
 * have no English version. Read with parse5; expectations written by hand.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Generated } from "../../src/pipeline/generate.js";
import { builtPage, generateFixture } from "../helpers/fixtures.js";
import { allElements, attr, byTag, normalizeSpace, textContent, type Element } from "../helpers/html.js";

let built: Generated;
beforeAll(async () => {
  built = await generateFixture("translations");
}, 60_000);

const elements = (path: string): Element[] => allElements(builtPage(built, path));
const text = (el: Element) => normalizeSpace(textContent(el));
/** The row, list item or entry a link belongs to: where a reader looks for what it says. */
function entryOf(link: Element): Element {
  let node: unknown = link.parentNode;
  while (node !== null && typeof node === "object" && "tagName" in node) {
    const el = node as Element;
    if (["tr", "li", "article"].includes(el.tagName)) return el;
    node = el.parentNode;
  }
  throw new Error(`link ${attr(link, "href")} is in no row, item or entry`);
}
const mainLinks = (path: string) => {
  const main = elements(path).find((el) => el.tagName === "main");
  if (main === undefined) throw new Error(`${path} has no main`);
  return byTag(main, "a");
};
const LIST_PAGES = ["en/stonith/index.html", "en/releases/index.html", "en/compat/index.html", "en/components/corosync/index.html", "en/components/pacemaker/index.html"];

describe("links from the English reference pages", () => {
  it("every link to a Japanese issue page says hreflang=ja, and its entry says (Japanese)", () => {
    const leaving = LIST_PAGES.flatMap((path) => mainLinks(path).filter((a) => (attr(a, "href") ?? "").startsWith("/news/issues/")).map((a) => ({ path, a })));
    // The matrix's HP iLO3 row (device and issue), the release table's Corosync row (entry and issue), the Corosync page's release.
    expect(leaving.length).toBeGreaterThanOrEqual(5);
    for (const { path, a } of leaving) {
      expect(`${path} ${attr(a, "href")} ${attr(a, "hreflang")}`).toBe(`${path} ${attr(a, "href")} ja`);
      // A table row's cell: "April 2011 (Japanese)"; a list item's note joins its issue's brackets: "(May 2011 · Japanese)".
      expect(text(entryOf(a)), `${path} ${attr(a, "href")}`).toMatch(/(\(| · )Japanese\)/);
      expect(text(entryOf(a)), `${path} ${attr(a, "href")}`).not.toMatch(/\) \(/);
    }
  });

  it("links that stay in the English edition carry no hreflang, and their entries no language note", () => {
    const staying = LIST_PAGES.flatMap((path) => mainLinks(path).filter((a) => (attr(a, "href") ?? "").startsWith("/news/en/issues/")));
    expect(staying.length).toBeGreaterThan(0);
    for (const a of staying) {
      expect(attr(a, "hreflang")).toBeUndefined();
      expect(text(entryOf(a))).not.toMatch(/Japanese\)/);
    }
  });

  it("the matrix row reads as a reader sees it", () => {
    const rows = byTag(elements("en/stonith/index.html").find((el) => el.tagName === "tbody") as Element, "tr");
    expect(rows.map(text)).toEqual(["HP iLO3 ipmi HP April 2011 (Japanese)"]);
  });

  it("the Japanese edition's pages, all in their own language, are unchanged: no hreflang, no note", () => {
    for (const path of ["stonith/index.html", "releases/index.html", "compat/index.html", "components/corosync/index.html"]) {
      for (const a of mainLinks(path)) expect(attr(a, "hreflang"), `${path} ${attr(a, "href")}`).toBeUndefined();
      expect(text(elements(path).find((el) => el.tagName === "main") as Element)).not.toMatch(/\((Japanese|日本語|English|英語)\)/u);
    }
  });
});
