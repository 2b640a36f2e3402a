import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli, type CliRun } from "../helpers/run-cli.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

const STACK = /^\s+at .+[:(]\d+/m;
/** What gekkan new says in a folder with no gekkan.config.json: that (new-no-config.test.ts), then the next step. */
const NO_CONFIG_THEN_NEXT = /^gekkan new: note: [^\n]* has no gekkan\.config\.json[^\n]*\nnext: [^\n]*\n$/;

/**
 * A mistyped --root used to be created and built as an empty site: exit 0,
 * "built 0 issues", an empty dist/ (dev left .gekkan/dev-cache, new a
 * content/ folder). Every command that takes --root must refuse a folder
 * that is not there before writing anything: a usage error (exit 2), one
 * line naming the folder and the fix, no stack, and nothing on disk. The
 * real CLI runs in a child process from a folder whose path has a space and
 * Japanese, as an author's would.
 */
describe("a --root that does not exist is refused, and nothing is created", () => {
  let work: TempDir;
  beforeAll(() => {
    ensureCompiled();
    work = tempDir("missing root ");
  }, 300_000);
  afterAll(() => work.remove());

  // dev would serve (and never exit) if it took the folder: stop it at once, the folder check below fails it.
  const run = (args: string[]): Promise<CliRun> =>
    runCli(args, { cwd: work.path, deadlineMs: 30_000, onOutput: (text, kill) => (/serving http/.test(text) ? kill() : undefined) });

  const expectRefused = (result: CliRun, command: string, root: string, problem: string) => {
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    // A missing folder names gekkan init, which makes it (README: a mistyped --root is an error that names gekkan init).
    expect(result.stderr.split("\n")[0]).toBe(`gekkan ${command}: the site folder ${JSON.stringify(root)} ${problem}; check the --root path${problem === "does not exist" ? `, or start a site there with gekkan init --root ${JSON.stringify(root)}` : ""}`);
    expect(result.stderr).not.toMatch(STACK);
    expect(result.stderr).not.toContain("internal error");
  };

  it.each([
    ["build", ["--no-search"]],
    ["check", []],
    ["dev", ["--port", "0"]],
    ["new", []],
    ["email", []],
  ])("%s --root <missing>", async (command, extra) => {
    // Two levels, so a recursive mkdir of either would show.
    const parent = join(work.path, `typo ${command} サイト`);
    const root = join(parent, "site");
    const result = await run([command, "--root", root, ...extra]);
    expectRefused(result, command, root, "does not exist");
    expect(existsSync(parent)).toBe(false);
    expect(existsSync(root)).toBe(false);
  });

  it.each([["build"], ["check"], ["dev"], ["new"], ["email"]])("%s --root <a file>", async (command) => {
    const file = join(work.path, `${command}.txt`);
    writeFileSync(file, "not a site\n");
    const result = await run([command, "--root", file]);
    expectRefused(result, command, file, "is a file, not a folder");
    expect(readFileSync(file, "utf8")).toBe("not a site\n");
  });

  it("build --root '' (an unset $SITE) is refused rather than building the current folder", async () => {
    const result = await run(["build", "--root", ""]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toContain("gekkan build: --root is empty; give the site folder");
    expect(result.stderr).not.toMatch(STACK);
    expect(existsSync(join(work.path, "dist"))).toBe(false);
  });

  it("new still starts a site in an existing empty folder, by --root and as the current folder", async () => {
    const byRoot = join(work.path, "empty by root");
    const byCwd = join(work.path, "empty by cwd");
    for (const dir of [byRoot, byCwd]) mkdirSync(dir);
    const first = await run(["new", "--root", byRoot, "--date", "2030-01"]);
    // Only the note that the folder has no config (new-no-config.test.ts) and the next step (new-next-step.test.ts).
    expect(first.stderr).toMatch(NO_CONFIG_THEN_NEXT);
    expect(first.code).toBe(0);
    // The path is printed from the folder new ran in (work.path), which holds the site.
    expect(first.stdout.trim()).toMatch(/^empty by root\/content\/issues\//);
    expect(existsSync(join(work.path, first.stdout.trim()))).toBe(true);
    const second = await runCli(["new", "--date", "2030-01"], { cwd: byCwd, deadlineMs: 30_000 });
    expect(second.stderr).toMatch(NO_CONFIG_THEN_NEXT);
    expect(second.code).toBe(0);
    expect(readdirSync(byCwd)).toEqual(["content"]);
    expect(existsSync(join(byCwd, second.stdout.trim()))).toBe(true);
  });
});
