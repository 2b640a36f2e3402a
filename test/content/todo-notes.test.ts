import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * "TODO" and "FIXME" are notes an author leaves to themselves while
 * writing; published, readers see them. The build warns at each, by line
 * and column counted here by hand from the files below, and leaves alone
 * what is meant: code, words that run on ("TODOリスト"), drafts.
 */
let site: TempDir | undefined;
afterEach(() => site?.remove());

const FRONT = '---\ntitle: "5月号"\nissue: 1\ndate: 2011-05-01\nsummary: "今月のまとめ"\n---\n\n';

async function build(files: Record<string, string>, ...flags: string[]): Promise<{ code: number; warnings: string[]; err: string[] }> {
  site = tempSite(files);
  const io = captureIo();
  const code = await main(["build", "--root", site.path, "--no-cache", "--no-search", "--out", join(site.path, "out"), ...flags], io);
  const err = io.stderr.join("\n").split("\n");
  return { code, err, warnings: err.filter((line) => line.includes("todo-note") || line.includes(": warning: ") || line.includes("  warning: ")) };
}

describe("notes to self left in a published issue", () => {
  it("are warned about at each place: the text, a block's text, a link's target, a table cell", async () => {
    const body = [
      "今月は TODO: 数字を確認 の話です。", // line 8, TODO at column 5
      "",
      ':::release{component="pacemaker" version="1.0.11" status="released"}',
      "リリースの説明 FIXME", // line 11, column 9
      ":::",
      "",
      "[資料](TODO)", // line 14, the target at column 6
      "",
      "| 項目 | 値 |",
      "| --- | --- |",
      "| 版 | TODO |", // line 18, column 7
      "",
    ].join("\n");
    const run = await build({ "content/issues/2011/2011-05.md": `${FRONT}${body}` });
    expect(run.code).toBe(0);
    const places = run.warnings.filter((line) => line.startsWith("content/")).map((line) => line.split("  ")[0]);
    expect(places).toEqual([
      "content/issues/2011/2011-05.md:8:5",
      "content/issues/2011/2011-05.md:11:9",
      "content/issues/2011/2011-05.md:14:6",
      "content/issues/2011/2011-05.md:18:7",
    ]);
    expect(run.err.join("\n")).toContain('"TODO" in the text looks like a note to yourself');
    expect(run.err.join("\n")).toContain('"ignoreWarnings": ["todo-note"]');
  });

  it("in the title or summary, at the field's line", async () => {
    const text = '---\ntitle: "5月号 TODO"\nissue: 1\ndate: 2011-05-01\nsummary: "FIXME"\n---\n\n本文です。\n';
    const run = await build({ "content/issues/2011/2011-05.md": text });
    expect(run.code).toBe(0);
    const lines = run.err.filter((line) => line.startsWith("content/"));
    expect(lines[0]).toMatch(/^content\/issues\/2011\/2011-05\.md:2:1 {2}.*"TODO" in title looks like a note to yourself/);
    expect(lines[1]).toMatch(/^content\/issues\/2011\/2011-05\.md:5:1 {2}.*"FIXME" in summary looks like a note to yourself/);
  });

  it("are not warned about in code, in words that run on, in lower case, or in a draft", async () => {
    const body = "`TODO` はコードです。\n\n```\n# TODO: fix\n```\n\nTODOリストと FIXMEs と todo の話です。\n";
    const draft = '---\ntitle: "6月号"\nissue: 2\ndate: 2011-06-01\ndraft: true\n---\n\nTODO: 書く\n';
    const run = await build({ "content/issues/2011/2011-05.md": `${FRONT}${body}`, "content/issues/2011/2011-06.md": draft }, "--drafts");
    expect(run.code).toBe(0);
    // The draft is built (--drafts) and still not warned about: a draft is where such notes belong.
    expect(run.err.filter((line) => line.includes("note to yourself"))).toEqual([]);
  });

  it("can be stopped for one issue in its front matter", async () => {
    const text = '---\ntitle: "5月号"\nissue: 1\ndate: 2011-05-01\nignoreWarnings: [todo-note]\n---\n\nTODO リストの作り方\n';
    const run = await build({ "content/issues/2011/2011-05.md": text });
    expect(run.code).toBe(0);
    expect(run.err.filter((line) => line.includes("note to yourself"))).toEqual([]);
  });
});
