/**
 * A translation's file name and its `lang` that say different things. A
 * name whose language is written otherwise than the config writes it
 * (`.EN.md`, `.eng.md`) or is one the site has no edition in (`.fr.md`) was
 * read as no language at all: without `lang:` the file was the site's
 * language, and the build said only "duplicate issue number 1: also used
 * by …". Each is now an error at the file that says what its name
 * and its lang say, with the fix, and no duplicate-number error beside it.
 * Built through the CLI in this process; expected lines written by hand,
 * and the fix they give is applied and must build.
 */
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildLocated } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`;
const ORIGINAL = "content/issues/2011/2011-04.md";
const APRIL = issue({ title: "四月号", issue: 1, date: "2011-04-01" }, "四月の号です。\n");
/** The English April; lang on line 5, its value at column 7. */
const ENGLISH = issue({ title: "April", issue: 1, date: "2011-04-01", lang: "en" }, "The April issue in English.\n");
/** The English April without its lang line; issue: on line 3. */
const LANGLESS = issue({ title: "April", issue: 1, date: "2011-04-01" }, "The April issue in English.\n");

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  dir = undefined;
});

async function located(): Promise<{ code: number; lines: string[] }> {
  if (dir === undefined) throw new Error("no site");
  return buildLocated(dir.path);
}

describe("a translation's name in a language written otherwise", () => {
  it(".EN.md without lang is told to rename the file and add lang, not that its number is taken; the fix builds", async () => {
    const file = "content/issues/2011/2011-04.EN.md";
    dir = tempSite({ "gekkan.config.json": CONFIG, [ORIGINAL]: APRIL, [file]: LANGLESS });
    expect(await located()).toEqual({
      code: 1,
      lines: [`${file}:3:1  this file's name ends in .EN.md, which gekkan does not take for en: a translation's name ends in its lang as the config writes it (2011-04.en.md), and it has no lang field, so it would be read in the site's language, ja; rename the file 2011-04.en.md and add "lang: en" (or, if it is in ja, rename it 2011-04.md)`],
    });
    renameSync(join(dir.path, file), join(dir.path, "content/issues/2011/2011-04.en.md"));
    writeFileSync(join(dir.path, "content/issues/2011/2011-04.en.md"), ENGLISH);
    expect(await located()).toEqual({ code: 0, lines: [] });
  });

  it(".eng.md with lang: en is told the name gekkan pairs it with its original by", async () => {
    const file = "content/issues/2011/2011-04.eng.md";
    dir = tempSite({ "gekkan.config.json": CONFIG, [ORIGINAL]: APRIL, [file]: ENGLISH });
    expect(await located()).toEqual({
      code: 1,
      lines: [`${file}:5:7  this file's name ends in .eng.md, which gekkan does not take for en: a translation's name ends in its lang as the config writes it (2011-04.en.md); rename the file 2011-04.en.md`],
    });
  });

  it(".english.md without lang, a name English goes by but no language code, is told the same", async () => {
    const file = "content/issues/2011/2011-04.english.md";
    dir = tempSite({ "gekkan.config.json": CONFIG, [ORIGINAL]: APRIL, [file]: LANGLESS });
    expect(await located()).toEqual({
      code: 1,
      lines: [`${file}:3:1  this file's name ends in .english.md, which gekkan does not take for en: a translation's name ends in its lang as the config writes it (2011-04.en.md), and it has no lang field, so it would be read in the site's language, ja; rename the file 2011-04.en.md and add "lang: en" (or, if it is in ja, rename it 2011-04.md)`],
    });
  });

  it(".jpn.md without lang is told an original's name has no language in it", async () => {
    const file = "content/issues/2011/2011-05.jpn.md";
    dir = tempSite({ "gekkan.config.json": CONFIG, [ORIGINAL]: APRIL, [file]: issue({ title: "五月号", issue: 2, date: "2011-05-01" }) });
    expect(await located()).toEqual({
      code: 1,
      lines: [`${file}:3:1  this file's name ends in .jpn.md, which gekkan does not take for ja: an issue in the site's language, ja, is named without it (2011-05.md); rename the file 2011-05.md`],
    });
  });
});

describe("a translation's name in a language the site has no edition in", () => {
  it(".fr.md without lang is told there is no fr edition and what it is read as, not that its number is taken", async () => {
    const file = "content/issues/2011/2011-04.fr.md";
    dir = tempSite({ "gekkan.config.json": CONFIG, [ORIGINAL]: APRIL, [file]: LANGLESS });
    expect(await located()).toEqual({
      code: 1,
      lines: [`${file}:3:1  this file's name (.fr.md) is for the fr edition, which the site does not have: no locale pack "fr"; available: en, ja (a language of its own needs templates/locales/fr.json); it has no lang field, so it would be read in the site's language, ja: rename the file 2011-04.md if it is in ja`],
    });
  });

  it(".fr.md with lang: en is told the English name", async () => {
    const file = "content/issues/2011/2011-04.fr.md";
    dir = tempSite({ "gekkan.config.json": CONFIG, [ORIGINAL]: APRIL, [file]: ENGLISH });
    expect(await located()).toEqual({
      code: 1,
      lines: [`${file}:5:7  this file's name (.fr.md) is for the fr edition, which the site does not have: no locale pack "fr"; available: en, ja (a language of its own needs templates/locales/fr.json); its lang is en: rename the file 2011-04.en.md`],
    });
  });
});
