/**
 * A translation whose original was corrected after it shows a note of the
 * correction on its page from that day (translation-correction-note.test.ts),
 * but its feed entry kept the translation's own date: a feed reader
 * subscribed to the English edition never saw the entry change. The entry
 * is now dated as the page changed: Atom's <updated> and JSON Feed's
 * date_modified the later of the translation's own `updated` (else `date`)
 * and the original's correction it shows; the feed's own date follows; RSS's
 * pubDate and <published> stay the day it came out. A translation brought up
 * to date, or published after the correction, shows no note and is not
 * re-dated. A cached build follows a correction of the original alone (the
 * translation's file untouched). The compiled CLI on a site written here;
 * the oracle is the instants written out by hand (the site's time zone is
 * UTC, so a day starts at T00:00:00Z).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { attr, find, normalizeSpace, parseHtml, textContent } from "../helpers/html.js";
import { runCli } from "../helpers/run-cli.js";
import { issue } from "../helpers/temp-site.js";
import { child, children, parseXml, text } from "../helpers/xml.js";

const sites = cliSites();
const ORIGINAL = "content/issues/2011/2011-04.md";
const TRANSLATION = "content/issues/2011/2011-04.en.md";
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`;

const original = (updated?: string) => issue({ title: "創刊号", issue: 1, date: "2011-04-01", ...(updated === undefined ? {} : { updated }) });
const translation = (fields: Record<string, string> = {}) => issue({ title: "First issue", issue: 1, date: "2011-04-01", lang: "en", ...fields }, "The text.\n");

async function build(root: string, ...flags: string[]): Promise<void> {
  const run = await runCli(["build", "--no-search", ...flags], { cwd: root });
  expect(run.code, run.stderr).toBe(0);
}

/** Every date a feed reader reads of the English edition's one entry, and of the feed. */
function englishDates(root: string) {
  const read = (path: string) => readFileSync(join(root, "dist", path), "utf8");
  const atom = parseXml(read("en/feed.xml"));
  const entry = children(atom, "entry")[0];
  const item = children(child(parseXml(read("en/rss.xml")), "channel")!, "item")[0];
  const json = JSON.parse(read("en/feed.json")) as { items: Array<{ date_modified: string; date_published: string }> };
  return {
    feed: text(child(atom, "updated")),
    updated: text(child(entry!, "updated")),
    published: text(child(entry!, "published")),
    pubDate: text(child(item!, "pubDate")),
    modified: json.items[0]?.date_modified,
    jsonPublished: json.items[0]?.date_published,
  };
}

/** The dates as they were before any correction: the day the translation came out, everywhere. */
const APRIL_1 = {
  feed: "2011-04-01T00:00:00.000Z",
  updated: "2011-04-01T00:00:00.000Z",
  published: "2011-04-01T00:00:00.000Z",
  pubDate: "Fri, 01 Apr 2011 00:00:00 GMT",
  modified: "2011-04-01T00:00:00.000Z",
  jsonPublished: "2011-04-01T00:00:00.000Z",
};
const redated = (instant: string) => ({ ...APRIL_1, feed: instant, updated: instant, modified: instant });

describe("a translation's feed entry when its original is corrected", () => {
  it("is dated by the original's correction its page shows; the day it came out stays", async () => {
    const site = sites.make({ "gekkan.config.json": CONFIG, [ORIGINAL]: original("2011-04-20"), [TRANSLATION]: translation() });
    await build(site.path, "--no-cache");
    expect(englishDates(site.path)).toEqual(redated("2011-04-20T00:00:00.000Z"));
    // The page says the same day.
    const note = find(parseHtml(readFileSync(join(site.path, "dist/en/issues/2011-04/index.html"), "utf8")), (el) => attr(el, "class") === "issue-correction");
    expect(normalizeSpace(textContent(note!))).toContain("corrected on April 20, 2011");
  });

  it("is dated by its own correction when it was brought up to date after the original's", async () => {
    const site = sites.make({ "gekkan.config.json": CONFIG, [ORIGINAL]: original("2011-04-20"), [TRANSLATION]: translation({ updated: "2011-04-25" }) });
    await build(site.path, "--no-cache");
    expect(englishDates(site.path)).toEqual(redated("2011-04-25T00:00:00.000Z"));
  });

  it("is not re-dated by a correction older than the translation", async () => {
    const site = sites.make({ "gekkan.config.json": CONFIG, [ORIGINAL]: original("2011-04-20"), [TRANSLATION]: translation({ date: "2011-05-02" }) });
    await build(site.path, "--no-cache");
    const may2 = "2011-05-02T00:00:00.000Z";
    expect(englishDates(site.path)).toEqual({ ...redated(may2), published: may2, jsonPublished: may2, pubDate: "Mon, 02 May 2011 00:00:00 GMT" });
  });

  it("is re-dated by a cached build when only the original changed", async () => {
    const site = sites.make({ "gekkan.config.json": CONFIG, [ORIGINAL]: original(), [TRANSLATION]: translation() });
    await build(site.path);
    expect(englishDates(site.path)).toEqual(APRIL_1);
    writeFileSync(join(site.path, ORIGINAL), original("2011-04-20"));
    await build(site.path);
    expect(englishDates(site.path)).toEqual(redated("2011-04-20T00:00:00.000Z"));
  });
});
