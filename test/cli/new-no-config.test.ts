/**
 * `gekkan new` in a folder with no gekkan.config.json (an empty folder, or
 * issues alone) started issues without a word about gekkan init: only the
 * build said, after an issue was written, that the site had no title or
 * address. It still starts the issue (the README lets gekkan new start a
 * site in an empty folder), but says so on standard error, with the command
 * that writes a config, reached from where the author is. The compiled CLI,
 * spawned from a folder whose path has a space and Japanese; the oracle is
 * the sentence written out here, and gekkan init run as it says.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { runCli } from "../helpers/run-cli.js";

const sites = cliSites();
const note = (folder: string, init: string) => `gekkan new: note: ${folder} has no gekkan.config.json, so gekkan's defaults apply (no title or address of its own); ${init} starts a series here with one, keeping the issues that are there`;

/** A folder with nothing in it, beside the config tempSite writes (which is not this folder's). */
function emptyFolder(): { work: string; folder: string } {
  const work = sites.make({}).path;
  const folder = join(work, "新しい 連載");
  mkdirSync(folder);
  return { work, folder };
}

describe("gekkan new where there is no gekkan.config.json", () => {
  it("in the folder itself: starts the issue, then says there is no config and that gekkan init writes one, before the next step", async () => {
    const { folder } = emptyFolder();
    const run = await runCli(["new"], { cwd: folder });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("content/issues/2026/2026-01.md\n");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(note("this folder", "gekkan init"));
    expect(lines[1]).toMatch(/^next: /);
    expect(lines).toHaveLength(2);
  });

  it("with --root: names the folder and the gekkan init that reaches it", async () => {
    const { work } = emptyFolder();
    const run = await runCli(["new", "--root", "新しい 連載"], { cwd: work });
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n")[0]).toBe(note('the site folder "新しい 連載"', 'gekkan init --root "新しい 連載"'));
  });

  it("with issues but no config, says it too; gekkan init as told writes one, and then nothing is said", async () => {
    const { folder } = emptyFolder();
    expect((await runCli(["new"], { cwd: folder })).code).toBe(0);
    const again = await runCli(["new"], { cwd: folder });
    expect(again.stderr.split("\n")[0]).toBe(note("this folder", "gekkan init"));
    const init = await runCli(["init", "--no-workflow"], { cwd: folder });
    expect(init.code, init.stderr).toBe(0);
    const third = await runCli(["new", "--date", "2030-01"], { cwd: folder });
    expect(third.code).toBe(0);
    expect(third.stderr).not.toContain("gekkan.config.json");
  });

  it("a translation started there says it too", async () => {
    const { folder } = emptyFolder();
    mkdirSync(join(folder, "content/issues/2026"), { recursive: true });
    writeFileSync(join(folder, "content/issues/2026/2026-01.md"), "---\ntitle: \"創刊号\"\nissue: 1\ndate: 2026-01-01\n---\n\n本文です。\n");
    const run = await runCli(["new", "--translate", "1", "--lang", "en"], { cwd: folder });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split("\n")[0]).toBe(note("this folder", "gekkan init"));
  });

  it("a site with a config hears nothing of it", async () => {
    const site = sites.make({ "content/issues/.keep": "" });
    const run = await runCli(["new"], { cwd: site.path });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^next: [^\n]*\n$/);
  });
});
