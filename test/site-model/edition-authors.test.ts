/**
 * An English edition's feeds named the Japanese editors: an issue with no
 * authors of its own was by "編集部" in /en/feed.xml, /en/rss.xml and
 * /en/feed.json, and the rights line read "© 編集部". The config's
 * `languages.<lang>.authors` names the site's authors in that edition;
 * without it the site's own stand, as before. Each feed is read by a parser
 * apart from the one that wrote it (sax, JSON.parse); the names are the
 * test's own.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Generated } from "../../src/pipeline/generate.js";
import { generateSite } from "../helpers/fixtures.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { textValues } from "../helpers/xml.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());

async function build(english: Record<string, unknown>): Promise<Generated> {
  site = tempSite({
    "gekkan.config.json": `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", authors: ["編集部"], languages: { en: { title: "Test Monthly", ...english } } })}\n`,
    "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }),
    "content/issues/2011/2011-04.en.md": issue({ title: "April", issue: 1, date: "2011-04-01", lang: "en" }, "The text.\n"),
    "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 2, date: "2011-05-01" }),
    "content/issues/2011/2011-05.en.md": `${issue({ title: "May", issue: 2, date: "2011-05-01", lang: "en" }, "The text.\n").replace('lang: "en"', 'lang: "en"\nauthors: [Jane Doe]')}`,
  });
  return generateSite(site.path);
}

function names(built: Generated, prefix: string) {
  const file = (path: string) => built.output.text(`${prefix}${path}`) ?? "";
  const json = JSON.parse(file("feed.json")) as { authors?: Array<{ name: string }>; items: Array<{ authors?: Array<{ name: string }> }> };
  return {
    atomEntries: textValues(file("feed.xml"), "author", "name"),
    atomRights: textValues(file("feed.xml"), "feed", "rights"),
    rssCreators: textValues(file("rss.xml"), "item", "dc:creator"),
    rssCopyright: textValues(file("rss.xml"), "channel", "copyright"),
    jsonFeed: json.authors?.map((a) => a.name),
    jsonItems: json.items.map((item) => item.authors?.map((a) => a.name)),
  };
}

describe("languages.<lang>.authors", () => {
  it("names the site's authors in that edition's feeds, where an issue names none of its own", async () => {
    const built = await build({ authors: ["Editorial team"] });
    const en = names(built, "en/");
    // Newest first: May's own author, then April, by the edition's authors.
    expect(en.rssCreators).toEqual(["Jane Doe", "Editorial team"]);
    expect(en.atomEntries).toEqual(expect.arrayContaining(["Jane Doe", "Editorial team"]));
    expect(en.atomEntries).not.toContain("編集部");
    expect(en.atomRights).toEqual(["© Editorial team"]);
    expect(en.rssCopyright).toEqual(["© Editorial team"]);
    expect(en.jsonFeed).toEqual(["Editorial team"]);
    expect(en.jsonItems).toEqual([["Jane Doe"], ["Editorial team"]]);
    // The site's own edition keeps the site's authors.
    const ja = names(built, "");
    expect(ja.rssCreators).toEqual(["編集部", "編集部"]);
    expect(ja.atomRights).toEqual(["© 編集部"]);
    expect(ja.jsonFeed).toEqual(["編集部"]);
  });

  it("without it, the edition's feeds name the site's authors, as before", async () => {
    const en = names(await build({}), "en/");
    expect(en.rssCreators).toEqual(["Jane Doe", "編集部"]);
    expect(en.atomRights).toEqual(["© 編集部"]);
    expect(en.jsonFeed).toEqual(["編集部"]);
  });

  it("an empty name is a config error", async () => {
    await expect(build({ authors: [" "] })).rejects.toThrow(/languages\.en\.authors/);
  });
});
