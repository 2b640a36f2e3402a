/**
 * Files named in a message's words are named from the folder the command
 * runs in, as the message's own `path:line:column` is (names-from-here.ts).
 * They were written from the site root: `gekkan build --root "月刊 site"`
 * run beside the site printed `月刊 site/content/issues/2011/2011-04.md:3:1
 * duplicate issue number 1: also used by content/issues/2011/2011-05.md:3`,
 * the second a path that does not exist from there. The oracle is the file
 * system: each name the message gives, joined to the folder the command ran
 * in, is the file. The folders have a space and Japanese in their names.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { namesInTextFromHere } from "../../src/names-from-here.js";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempDir, writeFiles, type TempDir } from "../helpers/temp-site.js";

const SITE = "月刊 site";
const APRIL = "content/issues/2011/2011-04.md";
const MAY = "content/issues/2011/2011-05.md";

describe("files named in a message's words, from where the command runs", () => {
  let parent: TempDir;
  let root: string;
  beforeAll(() => {
    ensureCompiled();
    parent = tempDir("gekkan-names-in-text-");
    root = join(parent.path, SITE);
    writeFiles(root, {
      "gekkan.config.json": `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/news/", authors: ["編集部"] })}\n`,
      [APRIL]: issue({ title: "四月号", issue: 1, date: "2011-04-01" }),
      [MAY]: issue({ title: "五月号", issue: 1, date: "2011-05-01" }),
      "public/images/.keep": "",
    });
  }, 300_000);
  afterAll(() => parent.remove());

  /** Each "also used by FILE:LINE" of the duplicate-number lines in `stderr`. */
  const othersNamed = (stderr: string): string[] => [...stderr.matchAll(/also used by (.+?):\d+;/g)].map((m) => m[1] ?? "");

  it("build --root, run beside the site: the other issue is named from there", async () => {
    const result = await runCli(["build", "--root", SITE, "--no-cache"], { cwd: parent.path });
    expect(result.code).toBe(1);
    const lines = result.stderr.split("\n").filter((line) => line.includes("duplicate issue number"));
    expect(lines).toEqual([
      `${SITE}/${APRIL}:3:1  duplicate issue number 1: also used by ${SITE}/${MAY}:3; give each issue its own number (a translation shares its original's number but has its own lang)`,
      `${SITE}/${MAY}:3:1  duplicate issue number 1: also used by ${SITE}/${APRIL}:3; give each issue its own number (a translation shares its original's number but has its own lang)`,
    ]);
    for (const name of othersNamed(result.stderr)) expect(existsSync(join(parent.path, name)), name).toBe(true);
  });

  it("build --root, run inside content/issues: named from there too", async () => {
    const cwd = join(root, "content", "issues");
    const result = await runCli(["build", "--root", "../..", "--no-cache"], { cwd });
    expect(othersNamed(result.stderr)).toEqual(["2011/2011-05.md", "2011/2011-04.md"]);
    for (const name of othersNamed(result.stderr)) expect(existsSync(join(cwd, name)), name).toBe(true);
  });

  it("run in the site folder: names from the site root, as before", async () => {
    const result = await runCli(["build", "--no-cache"], { cwd: root });
    expect(othersNamed(result.stderr)).toEqual([MAY, APRIL]);
  });

  it("the config file named in the words of a flag's message (--base against the config's url)", async () => {
    const result = await runCli(["build", "--root", SITE, "--base", "/other/", "--no-cache"], { cwd: parent.path });
    expect(result.code).toBe(2);
    const line = result.stderr.split("\n").find((l) => l.startsWith("gekkan build: --base ")) ?? "";
    const named = [...line.matchAll(/"url" in (.+?\.json)/g)].map((m) => m[1] ?? "");
    expect(named).toEqual([`${SITE}/gekkan.config.json`, `${SITE}/gekkan.config.json`]);
    for (const name of named) expect(existsSync(join(parent.path, name)), name).toBe(true);
  });

  it("words that are no file of the site stay as they are: quoted text, URL paths, versions, prose", () => {
    const text = `broken link "${APRIL}": nothing is published at /issues/2011-04/ (Pacemaker 1.0.11, templates, x/y.md); put it in public/images/, see ${MAY}.`;
    expect(namesInTextFromHere(parent.path, root, text)).toBe(`broken link "${APRIL}": nothing is published at /issues/2011-04/ (Pacemaker 1.0.11, templates, x/y.md); put it in ${SITE}/public/images/, see ${SITE}/${MAY}.`);
  });
});
