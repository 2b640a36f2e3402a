/**
 * A translation's pages that show the originals not translated yet (its
 * front page counts them; reference and component pages list their blocks
 * and cards) change when a new original is published, so the sitemap dates
 * them by it; its archive lists only its own issues and keeps their date.
 * Before, every English page that is no issue was dated by the newest English
 * issue, so a crawler trusting the sitemap skipped /en/releases/ after a
 * Japanese-only issue added a release to it.
 * Oracle: the dates written in the fixture, read back by a strict XML parse.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { sitemapDates } from "../helpers/sitemap-dates.js";

const SITE = "https://example.org/";
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: SITE, lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`;
const RELEASE = (version: string, words: string) => `:::release{component="corosync" version="${version}" status="released"}\n${words}\n:::\n`;

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  vi.unstubAllEnvs();
});

it("dates a translation's front, reference and component pages by a newer original they show, and its archive by its own issues", async () => {
  dir = tempSite({
    "gekkan.config.json": CONFIG,
    "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }, RELEASE("1.4.0", "リリースされました。")),
    "content/issues/2011/2011-04.en.md": issue({ title: "First issue", issue: 1, date: "2011-04-05", lang: "en" }, RELEASE("1.4.0", "Released.")),
    "content/issues/2011/2011-05.md": issue({ title: "第2号", issue: 2, date: "2011-05-01" }, RELEASE("1.4.1", "リリースされました。")),
  });
  const lastmod = await sitemapDates(dir.path, SITE);
  // The English pages that list May's release or count May as untranslated.
  expect(["en/", "en/releases/", "en/components/", "en/components/corosync/"].map(lastmod)).toEqual(["2011-05-01", "2011-05-01", "2011-05-01", "2011-05-01"]);
  // The English archive lists the English April issue alone.
  expect(["en/archive/", "en/archive/2011/", "en/issues/2011-04/"].map(lastmod)).toEqual(["2011-04-05", "2011-04-05", "2011-04-05"]);
  expect(["", "releases/", "archive/"].map(lastmod)).toEqual(["2011-05-01", "2011-05-01", "2011-05-01"]);
});

// The page showed "The Japanese original was corrected on May 20, 2011, after this translation" from that day, while the sitemap kept its own date.
it("dates a translation's page by its original's correction when that came after it, as the page says so from that day", async () => {
  dir = tempSite({
    "gekkan.config.json": CONFIG,
    "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01", updated: "2011-05-20" }, "本文です。\n"),
    "content/issues/2011/2011-04.en.md": issue({ title: "First issue", issue: 1, date: "2011-04-05", lang: "en" }, "The text.\n"),
    "content/issues/2011/2011-05.md": issue({ title: "第2号", issue: 2, date: "2011-05-01" }, "本文です。\n"),
    "content/issues/2011/2011-05.en.md": issue({ title: "Second issue", issue: 2, date: "2011-05-02", updated: "2011-05-10", lang: "en" }, "The text.\n"),
  });
  const lastmod = await sitemapDates(dir.path, SITE);
  expect(readFileSync(join(dir.path, "dist/en/issues/2011-04/index.html"), "utf8")).toContain('class="issue-correction"');
  expect(["issues/2011-04/", "en/issues/2011-04/", "en/issues/2011-05/"].map(lastmod)).toEqual(["2011-05-20", "2011-05-20", "2011-05-10"]);
  // Brought up to date, the translation is dated by its own correction.
  writeFileSync(join(dir.path, "content/issues/2011/2011-04.en.md"), issue({ title: "First issue", issue: 1, date: "2011-04-05", updated: "2011-05-25", lang: "en" }, "The text.\n"));
  expect((await sitemapDates(dir.path, SITE))("en/issues/2011-04/")).toBe("2011-05-25");
});
