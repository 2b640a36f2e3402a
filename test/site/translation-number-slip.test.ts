/**
 * A translator copied the wrong number: 2011-04.en.md, the English of
 * 2011-04.md (issue 1), said issue: 2. Dated after May it was built without a
 * word: the April text went out as the English edition of issue 2, at
 * /en/issues/2011-05/, with May's Japanese page and it named as each other's
 * versions (hreflang, the language switch) and the April issue left with no
 * English at all; gekkan check said 0 errors. Dated in April it was told to
 * "date it 2011-05-01 or later", a fix that publishes the same mistake. The
 * number is now an error at its line naming the file's original and its
 * number, and the checks that took the number at its word say nothing of it.
 * Built through the CLI in this process; lines written by hand.
 */
import { afterEach, describe, expect, it } from "vitest";
import { buildLocated } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = { title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } };
const ORIGINALS = {
  "gekkan.config.json": `${JSON.stringify(CONFIG)}\n`,
  "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }, "四月の号です。\n"),
  "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 2, date: "2011-05-01" }, "五月の号です。\n"),
};
// issue: is on line 3.
const april = (number: number, date: string) => issue({ title: "April", issue: number, date, lang: "en" }, "The April issue in English.\n");

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  dir = undefined;
});

async function located(translation: string): Promise<{ code: number; lines: string[] }> {
  dir = tempSite({ ...ORIGINALS, "content/issues/2011/2011-04.en.md": translation });
  return buildLocated(dir.path);
}

const SLIP = "content/issues/2011/2011-04.en.md:3:1  this file is named for the en translation of content/issues/2011/2011-04.md, issue 1, but says issue: 2, which is content/issues/2011/2011-05.md; write issue: 1, or, if it translates that issue, rename it 2011-05.en.md";

describe("a translation whose number is not its file's original's", () => {
  it("dated after both originals, is an error at its number instead of the other issue's English edition", async () => {
    const { code, lines } = await located(april(2, "2011-06-15"));
    expect(code).not.toBe(0);
    expect(lines).toEqual([SLIP]);
  });

  it("dated before the other original, gets the number's error, not 'date it later'", async () => {
    const { code, lines } = await located(april(2, "2011-04-01"));
    expect(code).not.toBe(0);
    expect(lines).toEqual([SLIP]);
  });

  it("with a number no original has, names that too", async () => {
    const { lines } = await located(april(7, "2011-06-15"));
    expect(lines).toEqual(["content/issues/2011/2011-04.en.md:3:1  this file is named for the en translation of content/issues/2011/2011-04.md, issue 1, but says issue: 7, which no issue in ja has; write issue: 1"]);
  });

  it("with its original's number, builds", async () => {
    expect(await located(april(1, "2011-06-15"))).toEqual({ code: 0, lines: [] });
  });
});
