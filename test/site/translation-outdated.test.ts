/**
 * A translation its original was corrected after: the Japanese issue got
 * `updated: 2011-04-20`, the English one, made on 2011-04-01, was not
 * touched, and no build or check said a word, so the English edition kept
 * what the correction put right. It is now a `translation-outdated` warning
 * at the translation's `updated:` (else `date:`) line, naming the
 * original's correction and the fix; a translation brought up to date (its
 * own updated on or after the original's), dated after the correction, or a
 * draft, is none, and the issue's front matter can stop it.
 * Oracle: the files written here, read by eye (their lines counted by hand).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`;
const ORIGINAL = "content/issues/2011/2011-04.md";
const FILE = "content/issues/2011/2011-04.en.md";
const STOP = 'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["translation-outdated"], or for one issue only in its front matter with ignoreWarnings: [translation-outdated]';

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  vi.unstubAllEnvs();
});

/** The build's lines about the translation's date (the warning and the line naming its kind). */
async function warnings(originalUpdated: string | undefined, translation: Record<string, string | boolean>, ...flags: string[]): Promise<string[]> {
  dir?.remove();
  dir = tempSite({
    "gekkan.config.json": CONFIG,
    // Lines: 2 title, 3 issue, 4 date, 5 updated.
    [ORIGINAL]: issue({ title: "創刊号", issue: 1, date: "2011-04-01", ...(originalUpdated === undefined ? {} : { updated: originalUpdated }) }, "本文です。\n"),
    // Lines: 2 title, 3 issue, 4 date, 5 lang, 6 and on: the rest.
    // issue() quotes every string: a list (ignoreWarnings) is written unquoted.
    [FILE]: issue({ title: "First issue", issue: 1, date: "2011-04-01", lang: "en", ...translation }, "The text.\n").replace(/"(\[.*\])"/, "$1"),
  });
  vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
  const io = captureIo();
  expect(await main(["build", "--root", dir.path, "--no-cache", "--no-search", ...flags], io)).toBe(0);
  return io.stderr.filter((line) => line.includes("translation-outdated") || line.includes("corrected after it"));
}

describe("a translation whose original was corrected after it", () => {
  it("is a warning at the translation's date when it has no updated, naming the original's correction and the fix", async () => {
    expect(await warnings("2011-04-20", {})).toEqual([
      `${FILE}:4:1  warning: this en translation is dated 2011-04-01 and has no updated, but its original (${ORIGINAL}:5) was corrected after it, on 2011-04-20: the en edition may still say what the correction put right; bring the translation up to date and add updated: with the day you do (2011-04-20 or later)`,
      STOP,
    ]);
  });

  it("is a warning at the translation's own updated when that is before the original's", async () => {
    expect(await warnings("2011-04-20", { updated: "2011-04-10" })).toEqual([
      `${FILE}:6:1  warning: this en translation was last brought up to date on 2011-04-10 (updated: 2011-04-10), but its original (${ORIGINAL}:5) was corrected after it, on 2011-04-20: the en edition may still say what the correction put right; bring the translation up to date and set its updated: to the day you do (2011-04-20 or later)`,
      STOP,
    ]);
  });

  it("a translation brought up to date, dated after the correction, a draft, an uncorrected original, or one that stops it, is no warning", async () => {
    expect(await warnings("2011-04-20", { updated: "2011-04-20" })).toEqual([]);
    expect(await warnings("2011-04-20", { date: "2011-04-25" })).toEqual([]);
    expect(await warnings("2011-04-20", { draft: true }, "--drafts")).toEqual([]);
    expect(await warnings(undefined, {})).toEqual([]);
    expect(await warnings("2011-04-20", { ignoreWarnings: "[translation-outdated]" })).toEqual([]);
  });
});
