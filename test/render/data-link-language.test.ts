/**
 * The "Data (JSON)" link of a reference page, on test/fixtures/translations
 * (a ja site with an English edition, built under /news/). /data/*.json holds
 * the site's originals, Japanese titles and addresses: the English pages'
 * link led there unmarked, so an English reader had no warning that it leaves
 * their edition. It now has hreflang="ja" and says "(Japanese)", as the pages'
 * other links to Japanese pages do; the Japanese pages' link is as before.
 *
 * Read with parse5; expectations written by hand.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Generated } from "../../src/pipeline/generate.js";
import { builtPage, generateFixture } from "../helpers/fixtures.js";
import { allElements, attr, byTag, normalizeSpace, textContent, type Element } from "../helpers/html.js";

let built: Generated;
beforeAll(async () => {
  built = await generateFixture("translations");
}, 60_000);

/** The data link's paragraph as a reader meets it: address, hreflang, text. */
function dataLink(path: string) {
  const p = allElements(builtPage(built, path)).find((el: Element) => el.tagName === "p" && attr(el, "class") === "data-link");
  if (p === undefined) throw new Error(`${path} has no data link`);
  const a = byTag(p, "a")[0]!;
  return [attr(a, "href"), attr(a, "hreflang"), normalizeSpace(textContent(p))];
}

describe("a reference page's data link", () => {
  it.each([
    ["en/releases/index.html", "/news/data/releases.json"],
    ["en/compat/index.html", "/news/data/compat.json"],
    ["en/stonith/index.html", "/news/data/stonith.json"],
  ])("on %s is marked as leading to the Japanese data", (path, href) => {
    expect(dataLink(path)).toEqual([href, "ja", "Data (JSON) (Japanese)"]);
  });

  it.each([
    ["releases/index.html", "/news/data/releases.json"],
    ["compat/index.html", "/news/data/compat.json"],
    ["stonith/index.html", "/news/data/stonith.json"],
  ])("on %s, in the data's own language, is unmarked", (path, href) => {
    expect(dataLink(path)).toEqual([href, undefined, "データ (JSON)"]);
  });
});
