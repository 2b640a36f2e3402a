import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildInProcess } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { attr, byTag, find, parseHtml, textContent } from "../helpers/html.js";
import { child, children, parseXml, text } from "../helpers/xml.js";
import { useBuildClock } from "../helpers/build-clock.js";

/**
 * An old issue corrected months later: its feed entry, the feed and the
 * sitemap kept the issue's first day, with no way for the author to say it
 * changed in a way readers should know of (a wrong version number, a
 * dangerous command). Front matter `updated:` now dates the correction in
 * Atom's <updated>, JSON Feed's date_modified, the sitemap's <lastmod> and on
 * the page, while the day it came out stays (RSS pubDate, <published>).
 * An edit without it changes no date, so a typo fix is not news.
 */
const APRIL = "content/issues/2011/2011-04.md";
const FILES = {
  [APRIL]: issue({ title: "創刊号", issue: 1, date: "2011-04-01" }),
  "content/issues/2011/2011-05.md": issue({ title: "第2号", issue: 2, date: "2011-05-01" }),
};

let dir: TempDir | undefined;
afterEach(() => dir?.remove());

const build = () => buildInProcess(dir!.path);
const read = (path: string) => readFileSync(join(dir!.path, "dist", path), "utf8");
const write = (text: string) => writeFileSync(join(dir!.path, APRIL), text);

/** Every date a feed reader or crawler reads for issue 1, and for the feed as a whole. */
function dates() {
  const atom = parseXml(read("feed.xml"));
  const entry = children(atom, "entry").find((e) => text(child(e, "id")).endsWith("/issues/2011-04/"))!;
  const item = children(child(parseXml(read("rss.xml")), "channel")!, "item").find((i) => text(child(i, "link")).endsWith("/issues/2011-04/"))!;
  const json = (JSON.parse(read("feed.json")) as { items: Array<{ id: string; date_modified: string; date_published: string }> }).items.find((i) => i.id.endsWith("/issues/2011-04/"))!;
  const url = children(parseXml(read("sitemap.xml")), "url").find((u) => text(child(u, "loc")).endsWith("/issues/2011-04/"))!;
  return {
    feed: text(child(atom, "updated")),
    updated: text(child(entry, "updated")),
    published: text(child(entry, "published")),
    pubDate: text(child(item, "pubDate")),
    modified: json.date_modified,
    jsonPublished: json.date_published,
    lastmod: text(child(url, "lastmod")),
  };
}

const FIRST = {
  feed: "2011-05-01T00:00:00.000Z",
  updated: "2011-04-01T00:00:00.000Z",
  published: "2011-04-01T00:00:00.000Z",
  pubDate: "Fri, 01 Apr 2011 00:00:00 GMT",
  modified: "2011-04-01T00:00:00.000Z",
  jsonPublished: "2011-04-01T00:00:00.000Z",
  lastmod: "2011-04-01",
};

describe("an issue corrected after publication", () => {
  it("an edit alone changes no date; updated: dates the correction everywhere a reader or crawler looks, the day it came out stays", async () => {
    dir = tempSite(FILES);
    expect(await build()).toEqual({ code: 0, stderr: [] });
    expect(dates()).toEqual(FIRST);
    write(issue({ title: "創刊号", issue: 1, date: "2011-04-01" }, "本文です。訂正しました。\n"));
    expect(await build()).toEqual({ code: 0, stderr: [] });
    expect(dates()).toEqual(FIRST);

    write(issue({ title: "創刊号", issue: 1, date: "2011-04-01", updated: "2011-06-10" }, "本文です。訂正しました。\n"));
    expect(await build()).toEqual({ code: 0, stderr: [] });
    expect(dates()).toEqual({ ...FIRST, feed: "2011-06-10T00:00:00.000Z", updated: "2011-06-10T00:00:00.000Z", modified: "2011-06-10T00:00:00.000Z", lastmod: "2011-06-10" });
    const line = find(parseHtml(read("issues/2011-04/index.html")), (e) => attr(e, "class") === "issue-date")!;
    expect(byTag(line, "time").map((t) => attr(t, "datetime"))).toEqual(["2011-04-01", "2011-06-10"]);
    expect(textContent(line)).toMatch(/^2011年4月1日 · 更新 2011年6月10日 · /);
  });

  it("updated before the issue's date is an error at the value; Hugo's lastmod gets did you mean", async () => {
    dir = tempSite({ ...FILES, [APRIL]: issue({ title: "創刊号", issue: 1, date: "2011-04-01", updated: "2010-06-10" }) });
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr[0]).toBe("content/issues/2011/2011-04.md:5:10  updated: 2010-06-10 is before the issue's date (2011-04-01, line 4); updated is the day of its last correction, so write that day, on or after 2011-04-01");
    write(issue({ title: "創刊号", issue: 1, date: "2011-04-01", lastmod: "2011-06-10" }));
    expect((await build()).stderr[0]).toMatch(/^content\/issues\/2011\/2011-04\.md:5:1 {2}.*"lastmod".*did you mean "updated"/);
  });

  it("updated before the issue's date is said with another field's mistake, not one fix later", async () => {
    dir = tempSite({ ...FILES, [APRIL]: '---\ntitle: "創刊号"\nissue: 1\ndate: 2011-04-01\nupdated: 2010-06-10\ntags: [corosnyc]\n---\n\n本文です。\n' });
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr.slice(0, 2)).toEqual([
      "content/issues/2011/2011-04.md:5:10  updated: 2010-06-10 is before the issue's date (2011-04-01, line 4); updated is the day of its last correction, so write that day, on or after 2011-04-01",
      'content/issues/2011/2011-04.md:6:8  invalid front matter field "tags" (item 1): expected a list of component names, found the string "corosnyc" — did you mean "corosync"?',
    ]);
  });
});

/**
 * An updated day still to come: a slip in the year or the month, which the
 * feeds and the sitemap would have carried as a correction not yet made. The
 * build's "today" is SOURCE_DATE_EPOCH's day (noon UTC, the same day in any
 * zone the site may set); expected lines written by hand.
 */
describe("updated after today", () => {
  useBuildClock();
  const today = (day: string) => vi.stubEnv("SOURCE_DATE_EPOCH", String(Date.parse(`${day}T12:00:00Z`) / 1000));
  const SCHEDULED = "content/issues/2011/2011-07.md";

  it("is an error at the updated line for an issue that is out, naming the days it may be", async () => {
    today("2011-06-15");
    dir = tempSite({ ...FILES, [APRIL]: issue({ title: "創刊号", issue: 1, date: "2011-04-01", updated: "2011-07-01" }) });
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr[0]).toBe("content/issues/2011/2011-04.md:5:1  updated: 2011-07-01 is after today (2011-06-15); updated is the day of the issue's last correction, so write the day the correction was made, from 2011-04-01 to 2011-06-15");
    write(issue({ title: "創刊号", issue: 1, date: "2011-04-01", updated: "2011-06-15" }));
    expect(await build()).toEqual({ code: 0, stderr: [] });
    // A day earlier the same inputs are the error again: the cache must not answer "up to date" from the last build.
    today("2011-06-14");
    expect((await build()).stderr[0]).toMatch(/^content\/issues\/2011\/2011-04\.md:5:1  updated: 2011-06-15 is after today \(2011-06-14\)/);
  });

  it("is an error for a scheduled issue unless it is the issue's own date, so the build on its day still passes", async () => {
    today("2011-06-15");
    dir = tempSite({ ...FILES, [SCHEDULED]: issue({ title: "第3号", issue: 3, date: "2011-07-01", updated: "2011-07-05" }) });
    const result = await build();
    expect(result.code).toBe(1);
    expect(result.stderr[0]).toBe("content/issues/2011/2011-07.md:5:1  updated: 2011-07-05 is after today (2011-06-15); updated is the day of the issue's last correction, so this issue comes out on 2011-07-01 and cannot have been corrected before then: remove updated");
    writeFileSync(join(dir.path, SCHEDULED), issue({ title: "第3号", issue: 3, date: "2011-07-01", updated: "2011-07-01" }));
    expect((await build()).code).toBe(0);
    today("2011-07-01");
    expect((await build()).code).toBe(0);
    expect(read("sitemap.xml")).toContain("/issues/2011-07/");
  });
});
