import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { FRONT_MATTER_FILE, frontMatterBuild } from "../helpers/front-matter-build.js";

/**
 * `title: 第1号 #特集`: YAML reads " #特集" as a comment, and the page said
 * "第1号" with exit 0; `title: #1 特集` left the title empty, said as "found
 * null". Each is an error at the "#", with the quoted line to paste. Oracles:
 * places and messages written here by hand, and gray-matter (js-yaml, not
 * the yaml library gekkan reads with), which must read the typed line as
 * the message says and the fix as the whole text.
 */
const FILE = FRONT_MATTER_FILE;
const build = frontMatterBuild();

/** What another YAML reader makes of `yaml`'s field `key`. */
const readBy = (yaml: string, key: string): unknown => (matter(`---\n${yaml}---\n`).data as Record<string, unknown>)[key];

describe("a # that YAML reads as a comment in a text field", () => {
  it.each([
    ["title: 第1号 #特集\n", "title", "第1号", "title: \"第1号 #特集\"", `${FILE}:2:12  a space then "#" starts a comment in YAML, so "#特集" is left out of "title", which would be "第1号"; to keep it, put the whole value in quotes: title: "第1号 #特集"; if it is a note, move it to a line of its own`],
    ["title: 第1号\nsummary: 新機能の紹介 # 特集\n", "summary", "新機能の紹介", "summary: \"新機能の紹介 # 特集\"", `${FILE}:3:17  a space then "#" starts a comment in YAML, so "# 特集" is left out of "summary", which would be "新機能の紹介"; to keep it, put the whole value in quotes: summary: "新機能の紹介 # 特集"; if it is a note, move it to a line of its own`],
    ["title: 第1号\nauthors:\n  - 山田 #広報\n", "authors", ["山田"], "  - \"山田 #広報\"", `${FILE}:4:8  a space then "#" starts a comment in YAML, so "#広報" is left out of "authors" (item 1), which would be "山田"; to keep it, put the whole value in quotes:   - "山田 #広報"; if it is a note, move it to a line of its own`],
  ])("%j is an error at the # with the quoted line", async (front, key, read, fix, expected) => {
    expect(readBy(front, key)).toEqual(read);
    const fixed = readBy(fix.trimStart().startsWith("-") ? `${key}:\n${fix}\n` : `${fix}\n`, key);
    expect(fixed).toEqual(key === "authors" ? ["山田 #広報"] : front.split("\n").find((line) => line.startsWith(`${key}:`))?.slice(key.length + 2));
    const run = await build(front);
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([expected]);
  });

  it.each([
    ["title: #1 特集\n", "title", "title: \"#1 特集\"", `${FILE}:2:8  "#" starts a comment in YAML, so the value of "title" is empty and "#1 特集" is left out; to keep it as the value, put it in quotes: title: "#1 特集"; if it is a note, move it to a line of its own and write the value after the colon`],
    ["title: 第1号\nsummary: #まとめ\n", "summary", "summary: \"#まとめ\"", `${FILE}:3:10  "#" starts a comment in YAML, so the value of "summary" is empty and "#まとめ" is left out; to keep it as the value, put it in quotes: summary: "#まとめ"; if it is a note, move it to a line of its own and write the value after the colon`],
  ])("%j, a value that is only a comment, says the # made it empty", async (front, key, fix, expected) => {
    expect(readBy(front, key)).toBeNull();
    expect(readBy(`${fix}\n`, key)).toBe(fix.slice(key.length + 3, -1));
    const run = await build(front);
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([expected]);
  });

  it("a note after a value of another field, after quotes or a list, or on a line of its own, builds without a word", async () => {
    const notes = [
      "title:",
      "  第1号",
      "  # 題は仮",
      "# 見出しも仮",
      "summary: \"まとめ\" # あとで",
      "draft: false # まだ書きかけ",
      "tags: [pacemaker] # 要確認",
      "authors:",
      "  - 山田",
      "  # 佐藤さんも?",
    ];
    const run = await build(`${notes.join("\n")}\n`);
    expect(run.lines).toEqual([]);
    expect(run.code).toBe(0);
    expect((await build("title: '第1号' # 仮題\nauthors: [山田] # 確認中\n")).code).toBe(0);
    // A "#" with no space before it is text.
    expect((await build("title: C# 入門\n")).code).toBe(0);
  });
});
