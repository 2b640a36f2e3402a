/**
 * `gekkan new --translate 1 --lang en` for an original with a mistake in it
 * (a :::qa block with no answer) reported the mistake at the translation's
 * file, content/issues/2011/2011-04.en.md:20:1, a file it had just refused to
 * write, one line below the original's (the copy gains draft: true): the
 * translator opened a file that was not there. The mistake is the original's,
 * and is now reported at the original's file and line, where it is fixed;
 * nothing is written. Run through the CLI on a site written in the test; the
 * oracle is the line counted by hand in the original below.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = { title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } };
// Line 9 opens the :::qa block, whose question has no --- and answer after it.
const ORIGINAL = ["---", 'title: "創刊号"', "issue: 1", "date: 2011-04-01", "lang: ja", "---", "", "本文です。", ":::qa{components=\"pacemaker\"}", "動きますか？", ":::", ""].join("\n");

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  dir = undefined;
});

describe("gekkan new --translate of an original with a mistake", () => {
  it("names the original's file and line, and writes nothing", async () => {
    dir = tempSite({ "gekkan.config.json": `${JSON.stringify(CONFIG)}\n`, "content/issues/2011/2011-04.md": ORIGINAL });
    const io = captureIo();
    const code = await main(["new", "--root", dir.path, "--translate", "1", "--lang", "en"], io);
    expect(code).not.toBe(0);
    const located = io.all().split("\n").filter((line) => /^\S+:\d+:\d+ {2}/.test(line));
    expect(located.length).toBe(1);
    expect(located[0]).toMatch(/^content\/issues\/2011\/2011-04\.md:9:1 {2}a :::qa block needs a question and an answer/);
    expect(io.all()).not.toContain("2011-04.en.md");
    expect(existsSync(join(dir.path, "content/issues/2011/2011-04.en.md"))).toBe(false);
  });
});
