/**
 * A feed reader that shows several entries on one page (a river of news, a
 * folder read at once) had ids repeated across entries: every issue's
 * footnotes are user-content-fn-1, user-content-fnref-1 and
 * user-content-footnote-label, and two issues with a heading 「まとめ」 both
 * have id="まとめ"; a reference's aria-describedby named another issue's
 * notes. Each format is read here by a parser apart from the one that wrote
 * it (sax for Atom and RSS, JSON.parse), and each entry's HTML by parse5, as
 * a browser reads it.
 *
 * The fixture's two issues (test/fixtures/feed-footnotes) both have a
 * footnote [^1], one a second use of it and one named in Japanese, the other
 * one named "a&b"; both have a heading まとめ, and one shows HTML with an id
 * in a code span, which is text and must stay as written. Their pages are
 * that fixture's expectations (test/site-model/output-fixtures.test.ts).
 */
import { parseFragment } from "parse5";
import { beforeAll, describe, expect, it } from "vitest";
import type { Generated } from "../../src/pipeline/generate.js";
import { generateFixture } from "../helpers/fixtures.js";
import { allElements, attr, textContent, type Element } from "../helpers/html.js";
import { textValues } from "../helpers/xml.js";

let built: Generated;
beforeAll(async () => {
  built = await generateFixture("feed-footnotes");
}, 60_000);

const file = (path: string) => built.output.text(path) ?? "";

/** Each entry's content HTML, in the order of its feed, by the feed's own format. */
const FEEDS: Record<string, () => string[]> = {
  "feed.xml": () => textValues(file("feed.xml"), "entry", "content"),
  "components/pacemaker/feed.xml": () => textValues(file("components/pacemaker/feed.xml"), "entry", "content"),
  "rss.xml": () => textValues(file("rss.xml"), "item", "content:encoded"),
  "feed.json": () => (JSON.parse(file("feed.json")) as { items: Array<{ content_html: string }> }).items.map((item) => item.content_html),
};

const elementsOf = (html: string): Element[] => allElements(parseFragment(html));
const isFootnoteLink = (el: Element) => el.tagName === "a" && (attr(el, "data-footnote-ref") !== undefined || attr(el, "data-footnote-backref") !== undefined);

describe("footnote ids in feeds", () => {
  it.each(Object.keys(FEEDS))("%s: no id is in two entries, nor twice in one", (path) => {
    const entries = FEEDS[path]!();
    expect(entries).toHaveLength(2);
    const ids = entries.flatMap((html) => elementsOf(html).flatMap((el) => attr(el, "id") ?? []));
    // Both issues' footnotes are there, so a feed that lost them cannot pass.
    expect(ids.length).toBeGreaterThanOrEqual(14);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(Object.keys(FEEDS))("%s: a reference's description is in its own entry, and each footnote link lands on the note on its issue's page", (path) => {
    const pages = new Set<string>();
    for (const html of FEEDS[path]!()) {
      const elements = elementsOf(html);
      const ids = new Set(elements.flatMap((el) => attr(el, "id") ?? []));
      const links = elements.filter(isFootnoteLink);
      expect(links.length).toBeGreaterThanOrEqual(4);
      const hrefs = links.map((link) => new URL(attr(link, "href") ?? ""));
      // Absolute, as every address in a feed: a reader that drops ids or resolves "#…" against the entry still lands on the note.
      const page = new Set(hrefs.map((url) => url.origin + url.pathname));
      expect(page.size).toBe(1);
      const [address] = page;
      expect(address!.startsWith("https://example.org/issues/")).toBe(true);
      pages.add(address!);
      const pageIds = new Set(allElements(parseFragment(file(`${address!.slice("https://example.org/".length)}index.html`))).flatMap((el) => attr(el, "id") ?? []));
      // As a browser finds a fragment (HTML's "indicated part"): as written, else percent-decoded.
      for (const url of hrefs) expect(pageIds.has(url.hash.slice(1)) || pageIds.has(decodeURIComponent(url.hash.slice(1))), url.href).toBe(true);
      for (const link of links) {
        const described = attr(link, "aria-describedby");
        if (described !== undefined) expect(ids.has(described), described).toBe(true);
      }
    }
    // Each entry's notes are its own issue's.
    expect(pages.size).toBe(2);
  });

  it.each(Object.keys(FEEDS))("%s: an id written in a code span is the author's text, untouched", (path) => {
    const texts = FEEDS[path]!().flatMap((html) => elementsOf(html).filter((el) => el.tagName === "code").map((el) => textContent(el)));
    expect(texts).toContain('<a id="x" aria-describedby="y">');
  });

  it("an issue's page keeps its footnote ids and links as they were", () => {
    const page = file("issues/2011-05/index.html");
    expect(page).toContain('<a href="#user-content-fn-a&#x26;b" id="user-content-fnref-a&#x26;b" data-footnote-ref="" aria-describedby="user-content-footnote-label">2</a>');
    expect(page).toContain('<li id="user-content-fn-1">');
    expect(page).toContain('<a href="#user-content-fnref-1" data-footnote-backref="" aria-label="本文の参照箇所 1 に戻る" class="data-footnote-backref">↩</a>');
  });
});
