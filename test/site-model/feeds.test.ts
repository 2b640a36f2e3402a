import { afterAll, describe, expect, it } from "vitest";
import { generateSite } from "../helpers/fixtures.js";
import { child, children, parseXml, text } from "../helpers/xml.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

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
});
