import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

beforeAll(() => ensureCompiled(), 300_000);

const CONFIG = JSON.stringify({ url: "https://example.org/" });
const issueWith = (number: string, date: string, title = 'title: "x"\n') => `---\n${title}issue: ${number}\ndate: ${date}\n---\n\n本文です。\n`;
const fix = (file: string, written: string, value: number, form: string) =>
  `content/issues/2011/${file}:3:8  "issue: ${written}" is read by YAML as the number ${String(value)} (${form}), which is not how an issue number is written; write it in decimal digits: issue: ${String(value)}`;

/**
 * YAML 1.2 reads `0x10`, `0o17`, `1e3` and `4.0` as numbers, so `issue: 0x10`
 * built and published 第16号, exit 0: a number the author never typed.
 */
describe("an issue number written in another form than decimal digits", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("is an error naming the number YAML read, with the other problems of the site, and nothing is written", async () => {
    dir = tempSite({
      "gekkan.config.json": CONFIG,
      "content/issues/2011/2011-04.md": issueWith("0x10", "2011-04-01"),
      "content/issues/2011/2011-05.md": issueWith("0o17", "2011-05-01"),
      "content/issues/2011/2011-06.md": issueWith("1e3", "2011-06-01"),
      // Reported with the schema's own problem in the same file.
      "content/issues/2011/2011-07.md": issueWith("4.0", "2011-07-01", 'title: ""\n'),
    });
    const run = await runCli(["build", "--no-search"], { cwd: dir.path });
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      fix("2011-04.md", "0x10", 16, "0x makes it hexadecimal"),
      fix("2011-05.md", "0o17", 15, "0o makes it octal"),
      fix("2011-06.md", "1e3", 1000, "e makes it a power of ten"),
      'content/issues/2011/2011-07.md:2:8  invalid front matter field "title": expected a non-empty string, found an empty string',
      fix("2011-07.md", "4.0", 4, "a number with a decimal point"),
      "",
      "5 problems found; nothing was written.",
    ]);
    expect(run.code).toBe(1);
    expect(existsSync(join(dir.path, "dist"))).toBe(false);
  });

  it("leading zeros and a plus sign are decimal digits still, and build as written", async () => {
    dir = tempSite({
      "gekkan.config.json": CONFIG,
      "content/issues/2011/2011-04.md": issueWith("001", "2011-04-01"),
      "content/issues/2011/2011-05.md": issueWith("+2", "2011-05-01"),
    });
    const run = await runCli(["build", "--no-search"], { cwd: dir.path });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(dir.path, "dist/issues/2011-05/index.html"))).toBe(true);
  });
});
