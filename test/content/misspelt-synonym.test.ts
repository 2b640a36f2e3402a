/**
 * A translator writing front matter by hand types "language" for lang and is
 * told "did you mean lang?"; typing it with a slip (langauge, translater,
 * desription) got only the list of every known field, with no word that the
 * missing lang was the point, since neither name is close in spelling to a
 * field and the synonyms were looked up letter for letter. A near miss of a
 * synonym now gets the field it stands for. Built through the CLI in this
 * process; the lines are written out by hand from the file below.
 */
import { afterEach, describe, expect, it } from "vitest";
import { buildInProcess } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = { title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } };
// Lines 2–7 of the translation: title, issue, date, langauge, translater, desription.
const TRANSLATION = ["---", 'title: "April"', "issue: 1", "date: 2011-04-01", "langauge: en", 'translater: "A. Translator"', 'desription: "The April issue."', "---", "", "The April issue in English.", ""].join("\n");

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  dir = undefined;
});

describe("a near miss of a field's other name", () => {
  it("gets the field that name stands for", async () => {
    dir = tempSite({
      "gekkan.config.json": `${JSON.stringify(CONFIG)}\n`,
      "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }, "四月の号です。\n"),
      "content/issues/2011/2011-04.en.md": TRANSLATION,
    });
    const { code, stderr } = await buildInProcess(dir.path);
    expect(code).not.toBe(0);
    const located = stderr.filter((line) => line.startsWith("content/"));
    expect(located).toEqual(expect.arrayContaining([
      'content/issues/2011/2011-04.en.md:5:1  unknown front matter field "langauge" — did you mean "lang"?',
      'content/issues/2011/2011-04.en.md:6:1  unknown front matter field "translater" — did you mean "authors"?',
      'content/issues/2011/2011-04.en.md:7:1  unknown front matter field "desription" — did you mean "summary"?',
    ]));
  });
});
