import { execFileSync } from "node:child_process";
import { appendFileSync, lstatSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { issue, readTree, type TempDir } from "../helpers/temp-site.js";
import { runCli } from "../helpers/run-cli.js";
import { cliSites } from "../helpers/cli-sites.js";

const APRIL = "content/issues/2011/2011-04.md";

let site: TempDir | undefined;
const sites = cliSites();

/**
 * The cache is gekkan's own, but it is restored from CI caches and copied
 * about. A named pipe or a link to /dev/zero where a cache file was made
 * the next build wait (or read) forever before it began; such a file is
 * no cache at all: the build goes on without it, and saving replaces it.
 */
describe("a cache file that is not a regular file", () => {
  it.each([
    ["pages.pack", "a named pipe"],
    ["pages.pack.idx", "a named pipe"],
    ["pages.pack.idx", "a link to /dev/zero"],
    ["written.json", "a named pipe"],
    ["written.json", "a link to /dev/zero"],
    ["file-digests.json", "a named pipe"],
    ["file-digests.json", "a link to /dev/zero"],
  ])("%s as %s: the build neither hangs nor differs from one without the cache", async (name, what) => {
    site = sites.make({ [APRIL]: issue({ title: "4月号", issue: 1, date: "2011-04-01" }) });
    const build = (extra: string[] = []) => runCli(["build", "--no-search", ...extra], { cwd: site!.path, deadlineMs: 20_000 });
    expect((await build()).code).toBe(0);
    // A change, so the build reads the cache rather than finding the output up to date.
    appendFileSync(join(site.path, APRIL), "追記。\n");
    const path = join(site.path, ".gekkan", "cache", name);
    rmSync(path);
    if (what === "a named pipe") execFileSync("mkfifo", [path]);
    else symlinkSync("/dev/zero", path);
    const run = await build();
    expect(run.timedOut, `still running; stderr:\n${run.stderr}`).toBe(false);
    expect(run.code).toBe(0);
    expect(lstatSync(path).isFile()).toBe(true);
    const cached = readTree(join(site.path, "dist"));
    expect((await build(["--no-cache"])).code).toBe(0);
    expect(readTree(join(site.path, "dist"))).toEqual(cached);
  });
});
