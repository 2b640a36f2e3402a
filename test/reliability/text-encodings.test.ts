import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, readTree, tempSite, type TempDir } from "../helpers/temp-site.js";

beforeAll(() => ensureCompiled(), 300_000);

/** "月刊" as Shift_JIS writes it (JIS X 0208: 月 0x8C8E, 刊 0x8AA7), typed out so no encoder of the code under test makes it. */
const GEKKAN_SJIS = Buffer.from([0x8c, 0x8e, 0x8a, 0xa7]);
const sjis = (before: string, after: string) => Buffer.concat([Buffer.from(before, "latin1"), GEKKAN_SJIS, Buffer.from(after, "latin1")]);

/** UTF-16 by hand: each ASCII character is its byte and a NUL, in the order given. */
const utf16 = (text: string, order: "le" | "be", bom: boolean) => {
  const units = [...text].flatMap((c) => (order === "le" ? [c.charCodeAt(0), 0] : [0, c.charCodeAt(0)]));
  return Buffer.from([...(bom ? (order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]) : []), ...units]);
};

const CONFIG = '{\n  "url": "https://example.org/",\n  "title": "ok"\n}\n';
const ISSUE = issue({ title: "創刊号", issue: 1, date: "2011-04-01" });
const SUMMARY = "1 problem found; nothing was written.";

/**
 * Files an author saves in another encoding than UTF-8: Shift_JIS (a
 * Japanese editor's default) or UTF-16 (Windows Notepad's "Unicode"). The
 * config, a locale pack and a template were read with U+FFFD for every byte
 * that is not UTF-8, so a Shift_JIS title reached every page as "����" with
 * exit 0; an issue in UTF-16 was called a binary file.
 */
describe("files not saved as UTF-8", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("a config in Shift_JIS is an error at its first such byte, and the previous dist/ stays as it was", async () => {
    dir = tempSite({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": ISSUE });
    const first = await runCli(["build", "--no-search"], { cwd: dir.path });
    expect(first.code, first.stderr).toBe(0);
    const before = readTree(join(dir.path, "dist"));
    writeFileSync(join(dir.path, "gekkan.config.json"), sjis('{\n  "url": "https://example.org/",\n  "title": "', ' Linux-HA"\n}\n'));
    const run = await runCli(["build", "--no-search"], { cwd: dir.path });
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      "gekkan.config.json:3:13  the file is not valid UTF-8; save it as UTF-8 (without legacy encodings such as Shift_JIS or EUC-JP)",
      "",
      SUMMARY,
    ]);
    expect(run.code).toBe(1);
    expect(readTree(join(dir.path, "dist"))).toEqual(before);
  });

  it("a config in UTF-16 is named as such, with or without its byte order mark", async () => {
    for (const [order, bom] of [["le", true], ["be", false]] as const) {
      dir = tempSite({ "gekkan.config.json": utf16(CONFIG, order, bom), "content/issues/2011/2011-04.md": ISSUE });
      const run = await runCli(["check"], { cwd: dir.path });
      expect(run.stderr.split("\n")[0], `${order} ${String(bom)}`).toBe('gekkan.config.json:1:1  this file is saved as UTF-16 (Windows Notepad calls it "Unicode" or "UTF-16 LE"), which gekkan does not read; save it again as UTF-8');
      expect(run.code).toBe(1);
      dir.remove();
    }
    dir = undefined;
  });

  it("issues in UTF-16 are named as such, not as binary files, all in one report", async () => {
    dir = tempSite({
      "gekkan.config.json": CONFIG,
      "content/issues/2011/2011-04.md": utf16(ISSUE.replace("創刊号", "first"), "le", true),
      "content/issues/2011/2011-05.md": utf16(ISSUE.replace("創刊号", "second").replace("issue: 1", "issue: 2").replace("04-01", "05-01"), "be", false),
    });
    const run = await runCli(["build", "--no-search"], { cwd: dir.path });
    const utf16Line = (file: string) => `content/issues/2011/${file}:1:1  this file is saved as UTF-16 (Windows Notepad calls it "Unicode" or "UTF-16 LE"), which gekkan does not read; save it again as UTF-8`;
    expect(run.stderr.trimEnd().split("\n")).toEqual([utf16Line("2011-04.md"), utf16Line("2011-05.md"), "", "2 problems found; nothing was written."]);
    expect(run.code).toBe(1);
    expect(existsSync(join(dir.path, "dist"))).toBe(false);
  });

  it("a locale pack and a template in Shift_JIS are errors at their place, never pages with U+FFFD", async () => {
    dir = tempSite({
      "gekkan.config.json": CONFIG,
      "content/issues/2011/2011-04.md": ISSUE,
      "templates/locales/ja.json": sjis('{\n  "strings": { "home": "', '" }\n}\n'),
    });
    const pack = await runCli(["build", "--no-search"], { cwd: dir.path });
    expect(pack.stderr.trimEnd().split("\n")).toEqual(["templates/locales/ja.json:2:25  the file is not valid UTF-8; save it as UTF-8 (without legacy encodings such as Shift_JIS or EUC-JP)", "", SUMMARY]);
    expect(pack.code).toBe(1);
    dir.remove();
    dir = tempSite({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": ISSUE, "templates/404.liquid": sjis("<p>", "</p>\n") });
    const template = await runCli(["build", "--no-search"], { cwd: dir.path });
    expect(template.stderr.trimEnd().split("\n")).toEqual(["templates/404.liquid:1:4  the file is not valid UTF-8; save it as UTF-8 (without legacy encodings such as Shift_JIS or EUC-JP)", "", SUMMARY]);
    expect(template.code).toBe(1);
    expect(existsSync(join(dir.path, "dist"))).toBe(false);
  });
});
