import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

/** 2012-01-01: issues of 2011 are published, one of 3013 is not yet (nor by the clock, which would add a note of its own: epoch-note.test.ts). */
const EPOCH = "1325376000";

/** A published issue, a draft, a future-dated one and a future-dated draft (a draft first). */
function site(): TempDir {
  return tempSite({
    "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 1, date: "2011-05-01" }),
    "content/issues/2011/2011-06.md": issue({ title: "六月号", issue: 2, date: "2011-06-01", draft: true }),
    "content/issues/3013/3013-01.md": issue({ title: "一月号", issue: 3, date: "3013-01-01" }),
    "content/issues/3013/3013-02.md": issue({ title: "二月号", issue: 4, date: "3013-02-01", draft: true }),
  });
}

const DRAFTS = "gekkan: 2 drafts left out (content/issues/2011/2011-06.md, content/issues/3013/3013-02.md): remove draft: true to publish them, or preview them with --drafts";
const SCHEDULED = "gekkan: 1 issue dated after today (2012-01-01) left out (content/issues/3013/3013-01.md on 3013-01-01): it is published by the first build on or after its date, or preview it with --future";

async function build(root: string, ...flags: string[]): Promise<string[]> {
  const io = captureIo();
  expect(await main(["build", "--root", root, "--no-search", ...flags], io)).toBe(0);
  expect(io.stderr).toEqual([]);
  return io.stdout;
}

describe("gekkan build says which issues it left out", () => {
  let dir: TempDir | undefined;
  afterEach(() => {
    dir?.remove();
    vi.unstubAllEnvs();
  });

  it("names the drafts and the future-dated issues, with how to publish or preview them", async () => {
    vi.stubEnv("SOURCE_DATE_EPOCH", EPOCH);
    dir = site();
    const lines = await build(dir.path);
    expect(lines[0]).toMatch(/^gekkan: built 1 issue in /);
    expect(lines.slice(1)).toEqual([DRAFTS, SCHEDULED]);
  });

  it("says it again when the build is skipped as up to date", async () => {
    vi.stubEnv("SOURCE_DATE_EPOCH", EPOCH);
    dir = site();
    await build(dir.path);
    const lines = await build(dir.path);
    expect(lines[0]).toMatch(/^gekkan: up to date, 1 issue, /);
    expect(lines.slice(1)).toEqual([DRAFTS, SCHEDULED]);
  });

  it("a build skipped as up to date on a later day names that day, as a --no-cache build of that day does", async () => {
    vi.stubEnv("SOURCE_DATE_EPOCH", EPOCH);
    dir = site();
    await build(dir.path);
    // 2012-03-15: no issue's date is reached, so the output is still current.
    vi.stubEnv("SOURCE_DATE_EPOCH", "1331769600");
    const skipped = await build(dir.path);
    expect(skipped[0]).toMatch(/^gekkan: up to date, 1 issue, /);
    const cold = await build(dir.path, "--no-cache");
    expect(cold[0]).toMatch(/^gekkan: built 1 issue in /);
    expect(skipped.slice(1)).toEqual(cold.slice(1));
    expect(skipped.slice(1).join("\n")).toContain("dated after today (2012-03-15)");
  });

  it("leaves out what --drafts and --future do not bring in, says a build with what they bring in is a preview, and --quiet prints nothing", async () => {
    vi.stubEnv("SOURCE_DATE_EPOCH", EPOCH);
    dir = site();
    // With --drafts the future-dated draft is still left out, now for its date.
    expect((await build(dir.path, "--drafts")).slice(1)).toEqual([
      "gekkan: 2 issues dated after today (2012-01-01) left out (content/issues/3013/3013-01.md on 3013-01-01, content/issues/3013/3013-02.md on 3013-02-01): each is published by the first build on or after its date, or preview them with --future",
      // The future-dated draft is not among what --drafts put in: the line above leaves it out.
      "gekkan: this build is a preview: it includes 1 draft (content/issues/2011/2011-06.md) in its pages, lists, feeds, sitemap and search; publish a build made without --drafts",
    ]);
    expect((await build(dir.path, "--future")).slice(1)).toEqual([
      DRAFTS,
      "gekkan: this build is a preview: it includes 1 issue dated after today (content/issues/3013/3013-01.md) in its pages, lists, feeds, sitemap and search; publish a build made without --future",
    ]);
    expect((await build(dir.path, "--drafts", "--future")).slice(1)).toEqual([
      "gekkan: this build is a preview: it includes 2 drafts and 1 issue dated after today (content/issues/2011/2011-06.md, content/issues/3013/3013-02.md, content/issues/3013/3013-01.md) in its pages, lists, feeds, sitemap and search; publish a build made without --drafts and --future",
    ]);
    expect(await build(dir.path, "--quiet")).toEqual([]);
  });

  it("names a ready translation whose original is a draft, and what holds it back", async () => {
    vi.stubEnv("SOURCE_DATE_EPOCH", EPOCH);
    const config = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", authors: ["編集部"], languages: { en: { title: "Test Monthly" } } })}\n`;
    dir = tempSite({
      "gekkan.config.json": config,
      "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 1, date: "2011-05-01", draft: true }),
      "content/issues/2011/2011-05.en.md": issue({ title: "May", issue: 1, date: "2011-05-02", lang: "en" }, "Body.\n"),
      "content/issues/3013/3013-01.md": issue({ title: "一月号", issue: 2, date: "3013-01-01" }),
      "content/issues/3013/3013-01.en.md": issue({ title: "January", issue: 2, date: "3013-01-01", lang: "en" }, "Body.\n"),
    });
    const lines = await build(dir.path);
    expect(lines[0]).toMatch(/^gekkan: built 0 issues in /);
    expect(lines.slice(1)).toEqual([
      "gekkan: 1 draft left out (content/issues/2011/2011-05.md): remove draft: true to publish it, or preview it with --drafts",
      "gekkan: 2 issues dated after today (2012-01-01) left out (content/issues/3013/3013-01.en.md on 3013-01-01, content/issues/3013/3013-01.md on 3013-01-01): each is published by the first build on or after its date, or preview them with --future",
      "gekkan: 1 translation left out until its original is published (content/issues/2011/2011-05.en.md: its original content/issues/2011/2011-05.md is a draft)",
    ]);
    // A translation is never dated before its original, so only a draft original holds back a translation that is ready itself.
    expect((await build(dir.path, "--future")).slice(1)).toEqual([
      "gekkan: 1 draft left out (content/issues/2011/2011-05.md): remove draft: true to publish it, or preview it with --drafts",
      "gekkan: 1 translation left out until its original is published (content/issues/2011/2011-05.en.md: its original content/issues/2011/2011-05.md is a draft)",
      "gekkan: this build is a preview: it includes 2 issues dated after today (content/issues/3013/3013-01.en.md, content/issues/3013/3013-01.md) in its pages, lists, feeds, sitemap and search; publish a build made without --future",
    ]);
    // Again from the record when the build is skipped as up to date.
    expect((await build(dir.path, "--future")).slice(1)).toContain("gekkan: 1 translation left out until its original is published (content/issues/2011/2011-05.en.md: its original content/issues/2011/2011-05.md is a draft)");
  });

  it("names three files and counts the rest", async () => {
    vi.stubEnv("SOURCE_DATE_EPOCH", EPOCH);
    const months = ["01", "02", "03", "04", "05"];
    dir = tempSite(Object.fromEntries(months.map((m, i) => [`content/issues/2011/2011-${m}.md`, issue({ title: `${m}月号`, issue: i + 1, date: `2011-${m}-01`, draft: true })])));
    expect((await build(dir.path)).slice(1)).toEqual([
      "gekkan: 5 drafts left out (content/issues/2011/2011-01.md, content/issues/2011/2011-02.md, content/issues/2011/2011-03.md and 2 more): remove draft: true to publish them, or preview them with --drafts",
    ]);
  });
});
