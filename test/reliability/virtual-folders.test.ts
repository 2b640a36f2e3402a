import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { issue, tempDir, tempSite, type TempDir } from "../helpers/temp-site.js";
import { ensureCompiled, runCli, type CliRun } from "../helpers/run-cli.js";

/**
 * /proc takes no new folders, and says so as "no such file" while the
 * folder above is there: Node's recursive mkdir tries that again forever,
 * so `--out /proc/x`, `--cache-dir /proc/x` and `gekkan init /proc/x` hung
 * at full CPU. Each must end by itself, in words, with no stack trace. The
 * real CLI in a child process with a deadline, from a folder whose path has
 * a space and Japanese.
 */
let site: TempDir | undefined;
afterEach(() => {
  site?.remove();
  site = undefined;
});

beforeAll(() => ensureCompiled(), 300_000);

const APRIL = { "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }) };
const REFUSED = "this file system does not take new folders there (ENOENT)";

function expectEnded(run: CliRun): void {
  expect(run.timedOut, `still running after the deadline; stderr so far:\n${run.stderr}`).toBe(false);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe("folders gekkan is told to make where the file system takes none (/proc)", () => {
  it("build --out /proc/…: refused with exit 1, nothing written", async () => {
    site = tempSite(APRIL);
    const run = await runCli(["build", "--no-search", "--no-cache", "--out", "/proc/gekkan-out/site"], { cwd: site.path, deadlineMs: 30_000 });
    expectEnded(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`gekkan build: could not create "/proc/gekkan-out/.site-gekkan": ${REFUSED}; the previous output is unchanged`);
  });

  it("build --cache-dir /proc/…: the site is built, the cache is a warning", async () => {
    site = tempSite(APRIL);
    const run = await runCli(["build", "--no-search", "--cache-dir", "/proc/gekkan-cache"], { cwd: site.path, deadlineMs: 30_000 });
    expectEnded(run);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`gekkan: warning: the cache in /proc/gekkan-cache was not saved`);
    expect(run.stderr).toContain(REFUSED);
    expect(existsSync(join(site.path, "dist", "index.html"))).toBe(true);
  });

  it("init /proc/…: refused with exit 1", async () => {
    site = tempDir("init proc ");
    const run = await runCli(["init", "/proc/gekkan-site"], { cwd: site.path, deadlineMs: 30_000 });
    expectEnded(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`gekkan init: could not create the folder "/proc/gekkan-site": ${REFUSED}`);
  });
});
