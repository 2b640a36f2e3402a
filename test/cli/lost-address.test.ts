import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * A published issue's address changed (its slug set or corrected, its date
 * moved to another month) or its page went away (a draft again), and the
 * build said nothing: bookmarks and every email already sent led to a 404.
 * gekkan cannot know a site's history from its inputs, but the last build's
 * record in the cache knows what it published: the build now says which
 * address is gone, and for a moved issue the alias that keeps it, until the
 * alias is there. Oracle: the messages written by hand.
 */
const APRIL = "content/issues/2011/2011-04.md";
const MAY = "content/issues/2011/2011-05.md";
const FILES = {
  [APRIL]: issue({ title: "創刊号", issue: 1, date: "2011-04-01" }),
  [MAY]: issue({ title: "第2号", issue: 2, date: "2011-05-01" }),
};
const MOVED = `${APRIL}:5:1  warning: issue 1 was published at /issues/2011-04/ by the last build and is at /issues/sokan/ now: readers' bookmarks, links elsewhere and every email already sent lead to the old address, which is gone; keep it with aliases: [2011-04] in this issue's front matter`;
const STOP_MOVED = 'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["address-moved"], or for one issue only in its front matter with ignoreWarnings: [address-moved]';

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  vi.unstubAllEnvs();
});

async function build(...flags: string[]): Promise<{ code: number; stderr: string[] }> {
  const io = captureIo();
  const code = await main(["build", "--root", dir!.path, "--no-search", "--quiet", ...flags], io);
  return { code, stderr: io.stderr };
}
const edit = (file: string, from: string, to: string) => writeFileSync(join(dir!.path, file), readFileSync(join(dir!.path, file), "utf8").replace(from, to));

describe("an issue address the last build published and this one does not", () => {
  it("a slug set after publication: warned at the slug, build after build, until aliases keeps the old address", async () => {
    dir = tempSite(FILES);
    expect(await build()).toEqual({ code: 0, stderr: [] });
    edit(APRIL, "date: 2011-04-01\n", "date: 2011-04-01\nslug: sokan\n");
    expect(await build()).toEqual({ code: 0, stderr: [MOVED, STOP_MOVED] });
    appendFileSync(join(dir.path, MAY), "追記\n");
    expect(await build()).toEqual({ code: 0, stderr: [MOVED, STOP_MOVED] });
    // A preview neither warns nor forgets.
    expect((await build("--drafts", "--out", join(dir.path, "preview"))).stderr.filter((line) => line.includes("warning"))).toEqual([]);
    appendFileSync(join(dir.path, MAY), "追記\n");
    expect(await build()).toEqual({ code: 0, stderr: [MOVED, STOP_MOVED] });
    edit(APRIL, "slug: sokan\n", "slug: sokan\naliases: [2011-04]\n");
    expect(await build()).toEqual({ code: 0, stderr: [] });
    // Taking the alias away loses the address again.
    edit(APRIL, "aliases: [2011-04]\n", "");
    expect(await build()).toEqual({ code: 0, stderr: [MOVED, STOP_MOVED] });
  });

  it("a translation that takes its original's address is told to keep it in the original", async () => {
    dir = tempSite({
      ...FILES,
      "gekkan.config.json": `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`,
      "content/issues/2011/2011-04.en.md": issue({ title: "First issue", issue: 1, date: "2011-04-01", lang: "en" }, "The text.\n"),
    });
    expect(await build()).toEqual({ code: 0, stderr: [] });
    edit(APRIL, "date: 2011-04-01\n", "date: 2011-04-01\nslug: sokan\n");
    expect((await build()).stderr).toEqual([
      MOVED,
      "content/issues/2011/2011-04.en.md:4:1  warning: issue 1 was published at /en/issues/2011-04/ by the last build and is at /en/issues/sokan/ now: readers' bookmarks, links elsewhere and every email already sent lead to the old address, which is gone; keep it with aliases: [2011-04] in its original's front matter (content/issues/2011/2011-04.md), which this translation takes its address from",
      'gekkan: if you mean these, stop the warning in gekkan.config.json with "ignoreWarnings": ["address-moved"], or for one issue only in its front matter with ignoreWarnings: [address-moved]',
    ]);
    edit(APRIL, "slug: sokan\n", "slug: sokan\naliases: [2011-04]\n");
    expect(await build()).toEqual({ code: 0, stderr: [] });
  });

  it("a date moved to another month: warned at the date", async () => {
    dir = tempSite(FILES);
    expect(await build()).toEqual({ code: 0, stderr: [] });
    edit(MAY, "date: 2011-05-01", "date: 2011-06-01");
    // The file is named for May, so file-name-date is warned about too (test/site/file-month.test.ts).
    expect((await build()).stderr).toContain(`${MAY}:4:1  warning: issue 2 was published at /issues/2011-05/ by the last build and is at /issues/2011-06/ now: readers' bookmarks, links elsewhere and every email already sent lead to the old address, which is gone; keep it with aliases: [2011-05] in this issue's front matter`);
  });

  it("an issue made a draft again or deleted: said once, by the build that lost it", async () => {
    dir = tempSite(FILES);
    expect(await build()).toEqual({ code: 0, stderr: [] });
    edit(MAY, "date: 2011-05-01\n", "date: 2011-05-01\ndraft: true\n");
    const result = await build();
    expect(result.code).toBe(0);
    expect(result.stderr.slice(0, 2)).toEqual([
      `${MAY}:1:1  warning: issue 2 (/issues/2011-05/) was published by the last build and is not now (it is a draft again): its page, feed entry and search entry are gone, and links to it in emails already sent lead nowhere; if that is not meant, publish it again`,
      'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["address-gone"], or for one issue only in its front matter with ignoreWarnings: [address-gone]',
    ]);
    appendFileSync(join(dir.path, APRIL), "追記\n");
    expect((await build()).stderr.filter((line) => line.includes("warning"))).toEqual([]);
  });

  // Its translation went with it, and only "1 translation left out until its original is published" was said: not that English readers had had it.
  it("the translation of an issue made a draft again: said too, at the translation, with the original to publish again", async () => {
    dir = tempSite({
      ...FILES,
      "gekkan.config.json": `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`,
      "content/issues/2011/2011-05.en.md": issue({ title: "Second issue", issue: 2, date: "2011-05-01", lang: "en" }, "The text.\n"),
    });
    expect(await build()).toEqual({ code: 0, stderr: [] });
    edit(MAY, "date: 2011-05-01\n", "date: 2011-05-01\ndraft: true\n");
    const result = await build();
    expect(result.code).toBe(0);
    expect(result.stderr.filter((line) => line.includes("warning:"))).toEqual([
      `${MAY}:1:1  warning: issue 2 (/issues/2011-05/) was published by the last build and is not now (it is a draft again): its page, feed entry and search entry are gone, and links to it in emails already sent lead nowhere; if that is not meant, publish it again`,
      "content/issues/2011/2011-05.en.md:1:1  warning: issue 2 (/en/issues/2011-05/) was published by the last build and is not now (its original, content/issues/2011/2011-05.md, is a draft again): its page, feed entry and search entry are gone, and links to it in emails already sent lead nowhere; if that is not meant, publish the original again",
    ]);
  });

  // The Japanese edition left the site's root for /ja/, and the English came to it, without a word: every Japanese email link and feed subscription now led to English.
  it("the site's language changed: said once, at the config, with the language to set back", async () => {
    const config = (lang: string, other: string) => `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang, languages: { [other]: { title: "Test Monthly" } } })}\n`;
    dir = tempSite({
      // Each says its language: without lang, an issue is in the site's, and the change would make the two of each number duplicates.
      [APRIL]: issue({ title: "創刊号", issue: 1, date: "2011-04-01", lang: "ja" }),
      [MAY]: issue({ title: "第2号", issue: 2, date: "2011-05-01", lang: "ja" }),
      "gekkan.config.json": config("ja", "en"),
      "content/issues/2011/2011-04.en.md": issue({ title: "First issue", issue: 1, date: "2011-04-01", lang: "en" }, "The text.\n"),
      "content/issues/2011/2011-05.en.md": issue({ title: "Second issue", issue: 2, date: "2011-05-01", lang: "en" }, "The text.\n"),
    });
    expect(await build()).toEqual({ code: 0, stderr: [] });
    writeFileSync(join(dir.path, "gekkan.config.json"), config("en", "ja"));
    const changed = await build();
    expect(changed.code).toBe(0);
    expect(changed.stderr.filter((line) => line.includes("warning:"))).toEqual([
      'gekkan.config.json:1:1  warning: the last build published the ja edition at / (/issues/2011-05/, /feed.xml); with "lang": "en" the en edition moved there and the ja edition to /ja/: readers\' bookmarks, the links in every ja email already sent and the ja edition\'s feed subscriptions now lead to en pages and feeds, or to nothing; if that is not meant, set "lang" back to "ja"',
    ]);
    appendFileSync(join(dir.path, MAY), "追記\n");
    expect((await build()).stderr.filter((line) => line.includes("warning:"))).toEqual([]);
  });

  // It was pointed at path:1:1 of the deleted file, a place an editor cannot open; GitHub's annotation format is from its documentation of workflow commands.
  it("an issue whose file is deleted: named without a line or column, and annotated on CI without a file or line", async () => {
    dir = tempSite(FILES);
    expect(await build()).toEqual({ code: 0, stderr: [] });
    rmSync(join(dir.path, MAY));
    vi.stubEnv("GITHUB_ACTIONS", "true");
    const reason = "issue 2 (/issues/2011-05/) was published by the last build and is not now (its file is gone): its page, feed entry and search entry are gone, and links to it in emails already sent lead nowhere; if that is not meant, publish it again";
    expect(await build()).toEqual({
      code: 0,
      stderr: [
        `${MAY}  warning: ${reason}`,
        `::warning title=gekkan build::${reason}`,
        // The file is gone: no front matter is left to stop it in.
        'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["address-gone"]',
      ],
    });
  });

  // Two "if you mean" lines came, one for the build's warnings and one for the address's; the README promises one line naming their kinds.
  it("with other warnings: one line names every kind, and the config line it offers stops them all", async () => {
    dir = tempSite(FILES);
    expect((await build()).code).toBe(0);
    edit(APRIL, "date: 2011-04-01\n---\n", "date: 2011-04-01\nslug: sokan\n---\n\n# 見出し1\n");
    const { stderr } = await build();
    expect(stderr).toContain(MOVED);
    expect(stderr.filter((line) => line.startsWith("gekkan: if you mean"))).toEqual(['gekkan: if you mean these, stop the warning in gekkan.config.json with "ignoreWarnings": ["address-moved", "body-h1"], or for one issue only in its front matter with ignoreWarnings: [address-moved, body-h1]']);
    expect(stderr[stderr.length - 1]).toMatch(/^gekkan: if you mean these/);
    edit("gekkan.config.json", "{", '{"ignoreWarnings": ["address-moved", "body-h1"], ');
    expect(await build()).toEqual({ code: 0, stderr: [] });
  });

  it("no cache, no record: nothing is said", async () => {
    dir = tempSite(FILES);
    expect(await build("--no-cache")).toEqual({ code: 0, stderr: [] });
    edit(APRIL, "date: 2011-04-01\n", "date: 2011-04-01\nslug: sokan\n");
    expect(await build("--no-cache")).toEqual({ code: 0, stderr: [] });
  });
});
