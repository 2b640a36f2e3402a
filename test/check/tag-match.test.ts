/**
 * The tag comparison behind `gekkan check --html`'s place in the Markdown
 * (tag-match.ts, markdown-tag-rewrite.ts), on rewrites the vnu test's site
 * cannot show: a link to another edition given hreflang, a srcset given the
 * base path. Oracle: each published tag written here by hand as the build
 * writes it (double quotes, the base path /news/, the site's address).
 */
import { describe, expect, it } from "vitest";
import { publishedAs, readStartTag, type StartTag } from "../../src/check/tag-match.js";
import { markdownTagRewrite } from "../../src/check/markdown-tag-rewrite.js";

const SITE = { origin: "https://example.org", basePath: "/news/", publishedBasePath: "/news/" };
const ROUTE = "/issues/2011-05/";

function tag(markup: string): StartTag {
  const read = readStartTag(markup);
  if (read === undefined) throw new Error(`not a start tag: ${markup}`);
  return read;
}

const onPage = (written: string, published: string) => publishedAs(tag(written), tag(published), markdownTagRewrite(SITE, ROUTE, false));
const inEmail = (written: string, published: string) => publishedAs(tag(written), tag(published), markdownTagRewrite(SITE, ROUTE, true));

describe("a tag of an issue's raw HTML, as the build publishes it", () => {
  it("a link to another edition, given hreflang and the base path", () => {
    expect(onPage("<a href='/en/issues/2011-04/' dir=up>", '<a href="/news/en/issues/2011-04/" dir="up" hreflang="en">')).toBe(true);
  });

  it("a <source> whose srcset gains the base path, on the page and absolute in the email", () => {
    expect(onPage('<source srcset="/images/a.png 1x, /images/a@2x.png 2x">', '<source srcset="/news/images/a.png 1x, /news/images/a@2x.png 2x">')).toBe(true);
    expect(inEmail('<source srcset="/images/a.png 1x">', '<source srcset="https://example.org/news/images/a.png 1x" style="display: none;">')).toBe(true);
  });

  it("is not another tag: other values, an attribute the page lacks or one the build does not add", () => {
    expect(onPage('<a href="/en/issues/2011-04/">', '<a href="/news/en/issues/2011-05/">')).toBe(false);
    expect(onPage('<a href="/x/" target="_blank">', '<a href="/news/x/">')).toBe(false);
    expect(onPage('<p>', '<p class="x">')).toBe(false);
    expect(onPage('<p>', '<p style="color: red">')).toBe(false);
  });
});
