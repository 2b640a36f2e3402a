import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildInProcess } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { child, children, parseXml, text, xmlAttr } from "../helpers/xml.js";

/**
 * A series moved from its GitHub project site to a domain of its own: every
 * feed id was made of the site's address, so every feed reader showed every
 * issue again as a new post. With `"feedIdBase"` (the old address) the ids
 * stay, and only the links move. Oracle: the ids written by hand, read from
 * the feeds as a feed reader parses them.
 */
const OLD = "https://user.github.io/series/";
const config = (fields: Record<string, string>) => `${JSON.stringify({ title: "テスト月刊", lang: "ja", authors: ["編集部"], ...fields }, null, 2)}\n`;
const FILES = {
  "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }),
  "content/issues/2011/2011-05.md": issue({ title: "第2号", issue: 2, date: "2011-05-01", slug: "may" }),
};

let dir: TempDir | undefined;
afterEach(() => dir?.remove());

const build = () => buildInProcess(dir!.path);
const read = (path: string) => readFileSync(join(dir!.path, "dist", path), "utf8");

/** The feed's own id and each entry's id and link, in the Atom, RSS and JSON feeds. */
function feeds() {
  const atom = parseXml(read("feed.xml"));
  const channel = child(parseXml(read("rss.xml")), "channel")!;
  const json = JSON.parse(read("feed.json")) as { home_page_url: string; items: Array<{ id: string; url: string }> };
  return {
    atomId: text(child(atom, "id")),
    atom: children(atom, "entry").map((entry) => [text(child(entry, "id")), xmlAttr(child(entry, "link"), "href")]),
    rss: children(channel, "item").map((item) => [text(child(item, "guid")), text(child(item, "link"))]),
    json: json.items.map((item) => [item.id, item.url]),
  };
}

describe("a site that moved to another address", () => {
  it("feedIdBase keeps every feed id of the old address; the links are the new address's", async () => {
    dir = tempSite({ ...FILES, "gekkan.config.json": config({ url: OLD }) });
    expect(await build()).toEqual({ code: 0, stderr: [] });
    const ids = [`${OLD}issues/may/`, `${OLD}issues/2011-04/`];
    const before = feeds();
    expect(before.atomId).toBe(OLD);
    expect(before.atom.map(([id]) => id)).toEqual(ids);
    expect(before.rss.map(([id]) => id)).toEqual(ids);
    expect(before.json.map(([id]) => id)).toEqual(ids);

    writeFileSync(join(dir.path, "gekkan.config.json"), config({ url: "https://news.example.jp/", feedIdBase: OLD }));
    expect(await build()).toEqual({ code: 0, stderr: [] });
    const links = ["https://news.example.jp/issues/may/", "https://news.example.jp/issues/2011-04/"];
    const after = feeds();
    expect(after.atomId).toBe(OLD);
    for (const list of [after.atom, after.rss, after.json]) expect(list).toEqual([[ids[0], links[0]], [ids[1], links[1]]]);
  });

  it("a feedIdBase that is no http(s) address is an error at its line", async () => {
    dir = tempSite({ ...FILES, "gekkan.config.json": config({ url: OLD, feedIdBase: "user.github.io/series" }) });
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr[0]).toBe('gekkan.config.json:8:17  invalid config field "feedIdBase": expected the absolute http(s) address the site had when its feeds were first read, e.g. https://user.github.io/repo/ (feed entry ids keep it after the site moves), found the string "user.github.io/series"');
  });
});
