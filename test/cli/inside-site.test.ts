import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli, type CliRun } from "../helpers/run-cli.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

const STACK = /^\s+at .+[:(]\d+/m;

const ISSUE = '---\ntitle: "創刊号"\nissue: 1\ndate: 2026-11-01\n---\n\n本文。\n';

/**
 * An author who cd's into content/issues/2026 to edit and runs gekkan there
 * used to get a second, empty site: `gekkan new` wrote
 * content/issues/2026/content/issues/… and printed "content/issues/…", a path
 * that looked right, and build put dist/ and .gekkan/ among the issues. A
 * folder inside a site's content/, public/ or templates/ is refused, naming
 * the site to run in; nothing is written.
 */
describe("a folder inside a site's own folders is not taken for a new site", () => {
  let site: TempDir;
  let inner: string;
  beforeAll(() => {
    ensureCompiled();
    site = tempSite({ "content/issues/2026/2026-11.md": ISSUE, "public/images/.keep": "" });
    inner = join(site.path, "content", "issues", "2026");
  }, 300_000);
  afterAll(() => site.remove());

  const run = (args: string[], cwd: string): Promise<CliRun> =>
    runCli(args, { cwd, deadlineMs: 30_000, onOutput: (text, kill) => (/serving http/.test(text) ? kill() : undefined) });

  it.each([["new"], ["build"], ["check"], ["dev"]])("%s run from content/issues/2026 names the site to run in", async (command) => {
    const result = await run([command], inner);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const where = JSON.stringify(site.path);
    expect(result.stderr.split("\n")[0]).toBe(`gekkan ${command}: the current folder is inside the content/ folder of the site at ${where}, and would be taken for a new, empty site; cd ${where} first, or give --root ${where}`);
    expect(result.stderr).not.toMatch(STACK);
    expect(readdirSync(inner)).toEqual(["2026-11.md"]);
  });

  it("build --root public/images says to give the site's root", async () => {
    const images = join(site.path, "public", "images");
    const result = await run(["build", "--root", images], site.path);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(`gekkan build: the site folder ${JSON.stringify(images)} is inside the public/ folder of the site at ${JSON.stringify(site.path)}, and would be taken for a new, empty site; give --root ${JSON.stringify(site.path)}`);
    expect(existsSync(join(images, "dist"))).toBe(false);
  });

  it("a new series in a folder beside content/ still starts", async () => {
    const series = join(site.path, "my-series");
    mkdirSync(series);
    const result = await run(["new", "--date", "2030-01"], series);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(existsSync(join(series, result.stdout.trim()))).toBe(true);
  });
});
