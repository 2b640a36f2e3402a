import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * A file in public/ where gekkan writes one of its own (public/index.html,
 * public/feed.xml), or a file where it makes a folder (public/archive), was
 * reported only once every page was made: a site whose issue had an error
 * stopped before, and the clash came one fix later. Those paths are gekkan's
 * whatever the issues hold, so they come with the issue's error, in the
 * same words as when the build gets that far, and each once.
 */
describe("public/ clashes with gekkan's own files come with the issues' errors", () => {
  let site: TempDir | undefined;
  beforeAll(() => ensureCompiled(), 300_000);
  afterEach(() => {
    site?.remove();
    site = undefined;
  });

  const ISSUE = "content/issues/2011/2011-04.md";
  const GOOD = issue({ title: "4月号", issue: 1, date: "2011-04-01" });
  const PUBLIC = { "public/index.html": "<p>mine</p>\n", "public/feed.xml": "<feed/>\n", "public/archive": "a file\n", "public/images/ok.png": "png" };
  const CLASHES = [
    "public/archive:1:1  gekkan makes a folder /archive/ here, so a file of that name cannot be published; rename or remove it",
    "public/feed.xml:1:1  gekkan writes a file at /feed.xml itself, so this one would overwrite it; rename or remove it",
    "public/index.html:1:1  gekkan writes a file at /index.html itself, so this one would overwrite it; rename or remove it",
  ];
  const FRONT_MATTER = `${ISSUE}:3:8  invalid front matter field "issue"`;
  const count = (text: string, line: string) => text.split("\n").filter((l) => l.startsWith(line)).length;

  function expectNothingWritten(root: string): void {
    expect(existsSync(join(root, "dist"))).toBe(false);
    expect(readdirSync(root).filter((name) => name.startsWith(".dist"))).toEqual([]);
  }

  it.each([["build", "--no-search"], ["check"]])("an issue's front matter error and the clashes in one run (gekkan %s)", async (...command) => {
    site = tempSite({ [ISSUE]: GOOD.replace("issue: 1", "issue: one"), ...PUBLIC });
    const run = await runCli(command, { cwd: site.path, deadlineMs: 60_000 });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(count(run.stderr, FRONT_MATTER)).toBe(1);
    for (const line of CLASHES) expect(count(run.stderr, line), run.stderr).toBe(1);
    expectNothingWritten(site.path);
  });

  it("a template error met while rendering and the clashes in one run", async () => {
    site = tempSite({ [ISSUE]: GOOD, "templates/issue.liquid": "<!DOCTYPE html>\n<title>x</title>\n<h1>{{ issue.titel }}</h1>\n", ...PUBLIC });
    const run = await runCli(["build", "--no-search"], { cwd: site.path, deadlineMs: 60_000 });
    expect(run.code).toBe(1);
    expect(count(run.stderr, "templates/issue.liquid:3:8  template error: undefined variable: issue.titel")).toBe(1);
    for (const line of CLASHES) expect(count(run.stderr, line), run.stderr).toBe(1);
    expectNothingWritten(site.path);
  });

  it.each([
    ["no error in the issues", GOOD],
    ["an error in an issue's body, which the build gets past to check public/ in full", GOOD.replace("本文です。", ':::release{component="pacemaker"}\nx\n:::')],
  ])("with %s, each clash is reported once", async (_what, text) => {
    site = tempSite({ [ISSUE]: text, ...PUBLIC });
    for (const command of [["build", "--no-search"], ["check"]]) {
      const run = await runCli(command, { cwd: site.path, deadlineMs: 60_000 });
      expect(run.code).toBe(1);
      for (const line of CLASHES) expect(count(run.stderr, line), run.stderr).toBe(1);
    }
    expectNothingWritten(site.path);
  });
});
