/**
 * A translation published with its original's Japanese title or summary
 * copied word for word (gekkan new --translate copies the front matter) is a
 * warning at the field's line; a translated field is not, and an issue that
 * means it can stop the warning. Oracle: the files written here, read by eye.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`;
const ORIGINAL = issue({ title: "四月号：Pacemaker の新版", issue: 1, date: "2011-04-01", summary: "新版のまとめ" }, "本文です。\n");
const FILE = "content/issues/2011/2011-04.en.md";

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  vi.unstubAllEnvs();
});

async function build(translation: string, ...flags: string[]): Promise<string[]> {
  dir = tempSite({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": ORIGINAL, [FILE]: translation });
  vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
  const io = captureIo();
  expect(await main(["build", "--root", dir.path, "--no-cache", "--no-search", ...flags], io)).toBe(0);
  return io.stderr.filter((line) => line.includes("untranslated"));
}

describe("a translation's copied title and summary", () => {
  it("are warnings at their lines, naming the original", async () => {
    const copied = issue({ title: "四月号：Pacemaker の新版", issue: 1, date: "2011-04-01", summary: "新版のまとめ", lang: "en" }, "The text.\n");
    const said = await build(copied);
    expect(said.slice(0, 2)).toEqual([
      `${FILE}:2:1  warning: the title "四月号：Pacemaker の新版" is still its original's (content/issues/2011/2011-04.md), word for word, so the en edition shows it untranslated in its lists, feeds, search results and email; translate it`,
      `${FILE}:5:1  warning: the summary "新版のまとめ" is still its original's (content/issues/2011/2011-04.md), word for word, so the en edition shows it untranslated in its lists, feeds, search results and email; translate it`,
    ]);
    expect(said[2]).toContain('"ignoreWarnings": ["untranslated-field"]');
  });

  it("a translated title, or a summary the original does not share, is no warning", async () => {
    expect(await build(issue({ title: "April: a new Pacemaker", issue: 1, date: "2011-04-01", summary: "A summary", lang: "en" }, "The text.\n"))).toEqual([]);
  });

  // gekkan new --translate starts a draft with the original's title: gekkan dev and build --drafts warned of it, mid-translation, though the warning is for published translations.
  it("in a draft translation, built with --drafts (as gekkan dev builds), are no warning", async () => {
    const draft = issue({ title: "四月号：Pacemaker の新版", issue: 1, date: "2011-04-01", summary: "新版のまとめ", lang: "en", draft: true }, "The text.\n");
    expect(await build(draft, "--drafts")).toEqual([]);
  });

  it("an issue that means it stops the warning in its front matter", async () => {
    const meant = issue({ title: "四月号：Pacemaker の新版", issue: 1, date: "2011-04-01", summary: "Summary", lang: "en" }, "The text.\n").replace("---\n", "---\nignoreWarnings: [untranslated-field]\n");
    expect(await build(meant)).toEqual([]);
  });
});

describe("an edition with no title of its own", () => {
  const translated = issue({ title: "April: a new Pacemaker", issue: 1, date: "2011-04-01", lang: "en" }, "The text.\n");
  const buildWith = async (config: object): Promise<string[]> => {
    dir = tempSite({ "gekkan.config.json": `${JSON.stringify({ url: "https://example.org/", lang: "ja", ...config })}\n`, "content/issues/2011/2011-04.md": ORIGINAL, [FILE]: translated });
    const io = captureIo();
    expect(await main(["build", "--root", dir.path, "--no-cache", "--no-search"], io)).toBe(0);
    return io.stderr.filter((line) => line.includes("untranslated"));
  };

  it("is a warning at the config when the site's title is Japanese, saying what to add", async () => {
    expect(await buildWith({ title: "テスト月刊" })).toEqual([
      'gekkan.config.json:1:1  warning: the en edition has no title of its own, so its pages, feeds and emails show the site\'s title "テスト月刊" untranslated; add "languages": { "en": { "title": "…", "description": "…" } } to gekkan.config.json',
      // Not "or for one issue only in its front matter": this warning is at the config, which no issue's front matter stops.
      'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["untranslated-field"]',
    ]);
  });

  it("is not, once the config gives it one, or when the site's title reads in any language", async () => {
    expect(await buildWith({ title: "テスト月刊", languages: { en: { title: "Test Monthly" } } })).toEqual([]);
    dir?.remove();
    expect(await buildWith({ title: "Linux-HA Monthly" })).toEqual([]);
  });
});

/**
 * A block's text left as copied in a translation whose foreword is
 * translated: the whole-text check passes, and the English page showed the
 * Japanese release notes (or Q&A answer) under lang="en" without a word.
 */
describe("a translated block whose text is still its original's", () => {
  const BLOCKS = (notes: string, title: string, answer: string) =>
    `:::release{#cs140 component="corosync" version="1.4.0" status="released" title="${title}"}\n${notes}\n:::\n\n:::qa{components="corosync" versions="1.4"}\nDoes it work?\n\n---\n\n${answer}\n:::\n`;
  const buildWith = async (translation: string): Promise<string[]> => {
    dir?.remove();
    dir = tempSite({
      "gekkan.config.json": CONFIG,
      "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }, `まえがき。\n\n${BLOCKS("リリースされました。", "Corosync 1.4.0 リリース", "動きます。")}`),
      [FILE]: translation,
    });
    const io = captureIo();
    expect(await main(["build", "--root", dir.path, "--no-cache", "--no-search"], io)).toBe(0);
    return io.stderr.filter((line) => line.includes("untranslated"));
  };
  const english = (blocks: string) => issue({ title: "First issue", issue: 1, date: "2011-04-01", lang: "en" }, `Foreword.\n\n${blocks}`);

  it("is a warning at the block, naming the parts left as copied", async () => {
    expect(await buildWith(english(BLOCKS("リリースされました。", "Corosync 1.4.0 リリース", "It works.")))).toEqual([
      `${FILE}:10:1  warning: the title and text of this release block (#cs140) are still its original's (content/issues/2011/2011-04.md:9), word for word, so the en edition shows them untranslated on this page, in its email and feeds; translate them`,
      expect.stringContaining('"ignoreWarnings": ["untranslated-field"]'),
    ]);
    expect(await buildWith(english(BLOCKS("Released.", "Corosync 1.4.0 released", "動きます。")))).toEqual([
      `${FILE}:14:1  warning: the answer of this qa block (#qa-corosync-1-4) is still its original's (content/issues/2011/2011-04.md:13), word for word, so the en edition shows it untranslated on this page, in its email and feeds; translate it`,
      expect.stringContaining('"ignoreWarnings": ["untranslated-field"]'),
    ]);
  });

  it("is not, once translated", async () => {
    expect(await buildWith(english(BLOCKS("Released.", "Corosync 1.4.0 released", "It works.")))).toEqual([]);
  });
});
