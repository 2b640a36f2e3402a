/**
 * A problem's file is named from the folder gekkan runs in, so a terminal
 * or editor can open it: `gekkan build --root site` run beside the site
 * prints `site/content/issues/…`, not `content/issues/…`, a path that does
 * not exist from there. The oracle for the printed paths is the file system:
 * joined to the folder the command ran in, the name must be the file.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nameFromHere } from "../../src/names-from-here.js";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { CONFIG, issue, tempSite, type TempDir } from "../helpers/temp-site.js";

describe("nameFromHere", () => {
  it.each([
    ["/work/site", "/work", "content/a.md", "site/content/a.md"],
    ["/work/site", "/work/site/content/issues", "content/issues/2011/a.md", "2011/a.md"],
    ["/work/site", "/work/site/content/issues", "gekkan.config.json", "/work/site/gekkan.config.json"],
    ["/work/site", "/elsewhere", "content/a.md", "/work/site/content/a.md"],
    ["/work/site", "/work/site", "content/a.md", "content/a.md"],
    ["/work/site", undefined, "content/a.md", "content/a.md"],
    ["/work/site", "/work", "--base", "--base"],
    ["/work/site", "/work", '"a\\nb.md"', '"a\\nb.md"'],
    ["/work/site", "/work", "/usr/lib/gekkan/templates/issue.liquid", "/usr/lib/gekkan/templates/issue.liquid"],
  ])("root %s, run in %s: %s is %s", (root, here, name, expected) => {
    expect(nameFromHere(here, root, name)).toBe(expected);
  });
});

describe("printed names, from the folder the command runs in", () => {
  let site: TempDir;
  let beside: string;
  let name: string;
  beforeAll(() => {
    ensureCompiled();
    site = tempSite({
      "gekkan.config.json": CONFIG,
      "content/issues/2011/2011-04.md": issue({ titel: "四月号", issue: 1, date: "2011-04-01" }),
    });
    beside = dirname(site.path);
    name = basename(site.path);
  }, 300_000);
  afterAll(() => site.remove());

  it("build --root SITE, run beside the site: the problem names SITE/content/…, a path that exists from there", async () => {
    const result = await runCli(["build", "--root", name, "--no-cache"], { cwd: beside });
    expect(result.code).toBe(1);
    const first = result.stderr.split("\n")[0] ?? "";
    expect(first).toBe(`${name}/content/issues/2011/2011-04.md:2:1  unknown front matter field "titel" — did you mean "title"?`);
    expect(existsSync(join(beside, first.slice(0, first.indexOf(":"))))).toBe(true);
  });

  it("on GitHub Actions the annotation still names the file from the repository root, after the line as printed", async () => {
    const result = await runCli(["build", "--root", name, "--no-cache"], { cwd: beside, env: { GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: beside } });
    const file = `${name}/content/issues/2011/2011-04.md`;
    expect(result.stderr.split("\n").slice(0, 2)).toEqual([
      `${file}:2:1  unknown front matter field "titel" — did you mean "title"?`,
      `::error file=${file},line=2,col=1,title=gekkan build::unknown front matter field "titel" — did you mean "title"?`,
    ]);
  });

  it("build --root of the site, run inside content/issues: the problem names 2011/…", async () => {
    const result = await runCli(["build", "--root", "../..", "--no-cache"], { cwd: join(site.path, "content", "issues") });
    expect(result.stderr.split("\n")[0]).toMatch(/^2011\/2011-04\.md:2:1 {2}unknown front matter field "titel"/);
  });

  it("the note on drafts left out names them from the folder the build ran in, on a full build and an up-to-date one", async () => {
    const drafts = tempSite({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01", draft: true }) });
    try {
      const args = ["build", "--root", basename(drafts.path)];
      for (const round of ["built", "up to date"]) {
        const result = await runCli(args, { cwd: dirname(drafts.path) });
        expect(result.stdout, round).toContain(`gekkan: ${round}`);
        expect(result.stdout, round).toContain(`gekkan: 1 draft left out (${basename(drafts.path)}/content/issues/2011/2011-04.md): remove draft: true`);
      }
    } finally {
      drafts.remove();
    }
  });

  it("new --root SITE prints the new issue's path from the folder it ran in", async () => {
    const result = await runCli(["new", "--root", name, "--date", "2011-05"], { cwd: beside });
    expect(result.code).toBe(0);
    const printed = result.stdout.trim();
    expect(printed).toBe(`${name}/content/issues/2011/2011-05.md`);
    expect(readFileSync(join(beside, printed), "utf8")).toMatch(/^issue: 2$/m);
  });
});
