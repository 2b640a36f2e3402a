/**
 * A translation written without `issue:` (2011-04.en.md, lang: en, beside
 * 2011-04.md, issue 4) was told `missing required front matter field
 * "issue": expected a positive whole number (the issue number, e.g. 12)`,
 * which sends its author off to pick a number, when only one is right: its
 * original's. The error now names that number and the file it comes from,
 * as the error for a number copied wrong does (translation-number-slip.test.ts),
 * and follows the original when its number changes between builds (the
 * file's own messages are kept between builds; the number is not). Built
 * through the CLI in this process; the expected lines written by hand, and
 * the fix they give is applied and must build.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildLocated } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = { title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } };
const ORIGINAL = "content/issues/2011/2011-04.md";
const TRANSLATION = "content/issues/2011/2011-04.en.md";
const numbered = (number: number) => issue({ title: "四月号", issue: number, date: "2011-04-01" }, "四月の号です。\n");
const NUMBERLESS = issue({ title: "April", date: "2011-04-01", lang: "en" }, "The April issue in English.\n");

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  dir = undefined;
});

async function located(): Promise<{ code: number; lines: string[] }> {
  if (dir === undefined) throw new Error("no site");
  return buildLocated(dir.path);
}

const told = (number: number) => `${TRANSLATION}:1:1  missing required front matter field "issue": this file is named for the en translation of ${ORIGINAL}, issue ${number}; add issue: ${number}`;

describe("a translation without issue:", () => {
  it("is told its original's number, and writing it builds the English edition", async () => {
    dir = tempSite({ "gekkan.config.json": `${JSON.stringify(CONFIG)}\n`, [ORIGINAL]: numbered(4), [TRANSLATION]: NUMBERLESS });
    expect(await located()).toEqual({ code: 1, lines: [told(4)] });
    // The fix as the message gives it: one line, `issue: 4`, in the front matter.
    writeFileSync(join(dir.path, TRANSLATION), NUMBERLESS.replace("lang:", "issue: 4\nlang:"));
    expect(await located()).toEqual({ code: 0, lines: [] });
    expect(readFileSync(join(dir.path, "dist", "en", "issues", "2011-04", "index.html"), "utf8")).toContain("The April issue in English.");
  });

  it("is told the number its original has now, in a build after the original's number changed", async () => {
    dir = tempSite({ "gekkan.config.json": `${JSON.stringify(CONFIG)}\n`, [ORIGINAL]: numbered(4), [TRANSLATION]: NUMBERLESS });
    expect((await located()).lines).toEqual([told(4)]);
    writeFileSync(join(dir.path, ORIGINAL), numbered(5));
    expect((await located()).lines).toEqual([told(5)]);
  });

  it("with no original of its name, is told where its number comes from, no number guessed", async () => {
    dir = tempSite({ "gekkan.config.json": `${JSON.stringify(CONFIG)}\n`, [ORIGINAL]: numbered(4), "content/issues/2011/2011-05.en.md": NUMBERLESS });
    expect(await located()).toEqual({ code: 1, lines: ['content/issues/2011/2011-05.en.md:1:1  missing required front matter field "issue": a translation has the number of the issue it translates; add issue: with that number'] });
  });

  it("an original without issue: is told what it was before", async () => {
    dir = tempSite({ "gekkan.config.json": `${JSON.stringify(CONFIG)}\n`, [ORIGINAL]: issue({ title: "四月号", date: "2011-04-01" }) });
    expect(await located()).toEqual({ code: 1, lines: [`${ORIGINAL}:1:1  missing required front matter field "issue": expected a positive whole number (the issue number, e.g. 12)`] });
  });
});

/**
 * A translation copied without both its `issue:` and `lang:` lines was told
 * of the number only; once that was written, the next build said the file's
 * name asks for `lang: en`. Both are said at once now, as are an `updated:`
 * before the date and a `lang:` the file's name contradicts.
 */
describe("a translation's front matter mistakes are said at once", () => {
  const NO_LANG = "content/issues/2011/2011-04.en.md:2:1  this file is named for the en edition (.en.md), but it has no lang field, so it would be read in the site's language, ja; add \"lang: en\" to the front matter (or, if it is not a translation, rename the file 2011-04.md)";

  it("without issue: and lang:, both are said, and writing both builds", async () => {
    const bare = issue({ title: "April", date: "2011-04-01" }, "The April issue in English.\n");
    dir = tempSite({ "gekkan.config.json": `${JSON.stringify(CONFIG)}\n`, [ORIGINAL]: numbered(4), [TRANSLATION]: bare });
    expect(await located()).toEqual({ code: 1, lines: [told(4), NO_LANG] });
    writeFileSync(join(dir.path, TRANSLATION), bare.replace("title:", "issue: 4\nlang: en\ntitle:"));
    expect(await located()).toEqual({ code: 0, lines: [] });
  });

  it("an updated: before the date and a lang: its name contradicts are both said", async () => {
    const wrong = issue({ title: "April", issue: 4, date: "2011-04-01", updated: "2011-03-01", lang: "ja" }, "The April issue in English.\n");
    dir = tempSite({ "gekkan.config.json": `${JSON.stringify(CONFIG)}\n`, [ORIGINAL]: numbered(4), [TRANSLATION]: wrong });
    const lines = (await located()).lines;
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^content\/issues\/2011\/2011-04\.en\.md:\d+:\d+  updated: 2011-03-01 is before the issue's date/);
    expect(lines[1]).toMatch(/^content\/issues\/2011\/2011-04\.en\.md:\d+:\d+  this file is named for the en edition \(\.en\.md\), but its lang is ja; write "lang: en"/);
  });
});
