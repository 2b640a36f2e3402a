import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli, type CliRun } from "../helpers/run-cli.js";
import { tempDir, tempSite, type TempDir } from "../helpers/temp-site.js";

const STACK = /^\s+at .+[:(]\d+/m;
/** What gekkan new says in a folder with no gekkan.config.json: that (new-no-config.test.ts), then the next step. */
const NO_CONFIG_THEN_NEXT = /^gekkan new: note: [^\n]* has no gekkan\.config\.json[^\n]*\nnext: [^\n]*\n$/;

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
    // Only the note that the folder has no config (new-no-config.test.ts) and the next step (new-next-step.test.ts).
    expect(result.stderr).toMatch(NO_CONFIG_THEN_NEXT);
    expect(result.code).toBe(0);
    expect(existsSync(join(series, result.stdout.trim()))).toBe(true);
  });
});

/**
 * A folder that is no site at all (no gekkan.config.json, no content/issues/):
 * gekkan build there said "built 0 issues" and left dist/, .dist-gekkan/ and
 * .gekkan/ beside the files, and gekkan new started a site among them. Each
 * command says it is not a site and how to start one; an empty folder may
 * still be started with gekkan new.
 */
describe("a folder that is not a site", () => {
  let work: TempDir;
  beforeAll(() => {
    ensureCompiled();
    work = tempDir("gekkan-not-a-site-");
    writeFileSync(join(work.path, "memo.txt"), "買い物リスト\n");
  }, 300_000);
  afterAll(() => work.remove());

  it.each([["build"], ["check"], ["dev"], ["email", "1"], ["new"]])("%s there is refused, naming what is missing and gekkan init", async (...args) => {
    const result = await runCli(args, { cwd: work.path, deadlineMs: 30_000, onOutput: (text, kill) => (/serving http/.test(text) ? kill() : undefined) });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(`gekkan ${args[0]}: the current folder is not a gekkan site: it has no gekkan.config.json and no content/issues/; cd into the site folder, or give --root DIR, or start a site there with gekkan init`);
    expect(result.stderr).not.toMatch(STACK);
    expect(readdirSync(work.path)).toEqual(["memo.txt"]);
  });

  it("--root to such a folder is told to check the path", async () => {
    const result = await runCli(["build", "--root", work.path], { cwd: join(work.path, ".."), deadlineMs: 30_000 });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(`gekkan build: the site folder ${JSON.stringify(work.path)} is not a gekkan site: it has no gekkan.config.json and no content/issues/; check the --root path, or start a site there with gekkan init --root ${JSON.stringify(work.path)}`);
  });

  it("an empty folder is started by gekkan new, and then builds", async () => {
    const empty = join(work.path, "空の フォルダ");
    mkdirSync(empty);
    const started = await runCli(["new", "--date", "2030-01"], { cwd: empty, deadlineMs: 30_000 });
    expect(started.stderr).toMatch(NO_CONFIG_THEN_NEXT);
    expect(started.code).toBe(0);
    expect(started.stdout.trim()).toBe("content/issues/2030/2030-01.md");
    const built = await runCli(["build", "--drafts", "--no-search"], { cwd: empty, deadlineMs: 30_000 });
    expect(built.code, built.stderr).toBe(0);
  });
});
