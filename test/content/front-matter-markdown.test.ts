import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * Front matter is plain text: a title or summary typed as Markdown is
 * published with its marks. The build and `gekkan check` warn at the
 * field's value; the lines and columns below are counted by hand from the
 * files in each test (`title: "` puts the value's quote at column 8,
 * `summary: "` at column 10).
 */
let site: TempDir | undefined;
afterEach(() => site?.remove());

const CONFIG = (extra: Record<string, unknown> = {}) => `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", authors: ["編集部"], languages: { en: { title: "Test Monthly" } }, ...extra })}\n`;
const SEEN = "but front matter is not Markdown: readers see the marks as typed, on the page, in feeds and in emails";
const LINK_FIX = "; a link or image belongs in the issue's text, below the front matter";

async function run(command: "build" | "check", files: Record<string, string>): Promise<{ code: number; warnings: string[] }> {
  site = tempSite({ "gekkan.config.json": CONFIG(), ...files });
  const io = captureIo();
  const out = command === "build" ? ["--no-cache", "--no-search", "--out", join(site.path, "out")] : [];
  const code = await main([command, "--root", site.path, ...out], io);
  const lines = io.stderr.join("\n").split("\n");
  return { code, warnings: lines.filter((line) => line.startsWith("content/") && line.includes("holds Markdown")) };
}

// Title: bold and code; summary: a link and emphasis.
const MAY = '---\ntitle: "**太字** の `crm_mon`"\nissue: 1\ndate: 2011-05-01\nsummary: "概要に [リンク](https://example.org/) と *強調*"\n---\n\n本文です。\n';
// Title in single quotes, with raw HTML; summary: an image and __bold__; a blank line first moves every field down one.
const JUNE = "---\n\ntitle: '<b>重要</b> なお知らせ'\nissue: 2\ndate: 2011-06-01\nsummary: \"![図](zu.png) と __強調__\"\n---\n\n本文です。\n";
// A translation's front matter goes through the same reading: code in its title, a link in its summary.
const MAY_EN = '---\ntitle: "Using `crm_mon`"\nissue: 1\ndate: 2011-05-01\nlang: en\nsummary: "See [the docs](https://example.org/docs)"\n---\n\nText.\n';

const EXPECTED = [
  `content/issues/2011/2011-05.en.md:2:8  warning: title holds Markdown (code \`crm_mon\`), ${SEEN}; write the title as text alone: title: "Using crm_mon"`,
  `content/issues/2011/2011-05.en.md:6:10  warning: summary holds Markdown (a link [the docs](https://example.org/docs)), ${SEEN}; write the summary as text alone: summary: "See the docs"${LINK_FIX}`,
  `content/issues/2011/2011-05.md:2:8  warning: title holds Markdown (bold **太字**, code \`crm_mon\`), ${SEEN}; write the title as text alone: title: "太字 の crm_mon"`,
  `content/issues/2011/2011-05.md:5:10  warning: summary holds Markdown (a link [リンク](https://example.org/), emphasis *強調*), ${SEEN}; write the summary as text alone: summary: "概要に リンク と 強調"${LINK_FIX}`,
  `content/issues/2011/2011-06.md:3:8  warning: title holds Markdown (HTML <b>), ${SEEN}; write the title as text alone: title: "重要 なお知らせ"`,
  `content/issues/2011/2011-06.md:6:10  warning: summary holds Markdown (an image ![図](zu.png), bold __強調__), ${SEEN}; write the summary as text alone: summary: "図 と 強調"${LINK_FIX}`,
];

const FILES = { "content/issues/2011/2011-05.md": MAY, "content/issues/2011/2011-06.md": JUNE, "content/issues/2011/2011-05.en.md": MAY_EN };

describe("Markdown typed in a title or summary", () => {
  it("is warned about by the build at the field's value, naming each mark and the text to write instead", async () => {
    const built = await run("build", FILES);
    expect(built.code).toBe(0);
    expect([...built.warnings].sort()).toEqual(EXPECTED);
  });

  it("is warned about by gekkan check the same way", async () => {
    const checked = await run("check", FILES);
    expect(checked.code).toBe(0);
    expect([...checked.warnings].sort()).toEqual(EXPECTED);
  });

  it("is not taken from text that only looks like it: C++, 2*3, a_b_c, __init__.py, [注], a < b, a lone * or _", async () => {
    const plain = '---\ntitle: "C++ と 2*3 と a_b_c と __init__.py"\nissue: 1\ndate: 2011-05-01\nsummary: "[注] を参照、a < b のとき *単独 と _ と 「[1]」 と <注>"\n---\n\n本文です。\n';
    // Beside an issue whose title is bold, so the build is seen to warn of a mark where there is one.
    const bold = '---\ntitle: "**6月号**"\nissue: 2\ndate: 2011-06-01\n---\n\n本文です。\n';
    const built = await run("build", { "content/issues/2011/2011-05.md": plain, "content/issues/2011/2011-06.md": bold });
    expect(built.code).toBe(0);
    expect(built.warnings).toEqual([`content/issues/2011/2011-06.md:2:8  warning: title holds Markdown (bold **6月号**), ${SEEN}; write the title as text alone: title: "6月号"`]);
  });

  it("can be stopped for the whole site in the config's ignoreWarnings", async () => {
    site = tempSite({ "gekkan.config.json": CONFIG({ ignoreWarnings: ["front-matter-markdown"] }), ...FILES });
    const io = captureIo();
    const code = await main(["build", "--root", site.path, "--no-cache", "--no-search", "--out", join(site.path, "out")], io);
    expect(code).toBe(0);
    expect(io.stderr.join("\n")).not.toContain("holds Markdown");
  });

  it("can be stopped for one issue in its front matter, and still warns of the others", async () => {
    const meant = MAY.replace("date: 2011-05-01\n", "date: 2011-05-01\nignoreWarnings: [front-matter-markdown]\n");
    const built = await run("build", { ...FILES, "content/issues/2011/2011-05.md": meant });
    expect(built.code).toBe(0);
    expect([...built.warnings].sort()).toEqual(EXPECTED.filter((line) => !line.startsWith("content/issues/2011/2011-05.md:")));
  });
});
