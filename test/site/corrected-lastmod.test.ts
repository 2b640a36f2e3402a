/**
 * A correction to an older issue (front matter `updated`) changes every list
 * that shows it: its card says "updated", its blocks on the reference pages
 * change. The sitemap dated those pages by the newest issue's date alone, so
 * a crawler trusting it skipped them; they take the correction's day now.
 * Oracle: the dates written in the fixture, read back by a strict XML parse.
 */
import { afterEach, expect, it, vi } from "vitest";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { sitemapDates } from "../helpers/sitemap-dates.js";

const SITE = "https://example.org/";

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  vi.unstubAllEnvs();
});

it("dates the list pages by a correction newer than the newest issue", async () => {
  dir = tempSite({
    "gekkan.config.json": `${JSON.stringify({ title: "テスト月刊", url: SITE, lang: "ja" })}\n`,
    "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01", updated: "2011-06-10" }, ':::release{component="corosync" version="1.4.0" status="released"}\n訂正しました。\n:::\n'),
    "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 2, date: "2011-05-01" }),
  });
  const lastmod = await sitemapDates(dir.path, SITE);
  expect(["", "archive/", "archive/2011/", "releases/", "components/corosync/"].map(lastmod)).toEqual(Array(5).fill("2011-06-10"));
  expect(["issues/2011-04/", "issues/2011-05/"].map(lastmod)).toEqual(["2011-06-10", "2011-05-01"]);
});
