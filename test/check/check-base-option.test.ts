import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * `gekkan check --base PATH` (and `--url URL`) check the site as `gekkan
 * build` builds it with the same flags. Without them, a site whose CI gives
 * the base path only to build (`--base /repo/`, the config's url at the
 * host's root) was checked as if served at /, and every base-path rule of
 * check was off. The flags are read as build reads them: the same refusals,
 * exit 2. Run as an author runs it, from the site.
 * Oracle: the line and column of the address counted by hand in ABOUT, the
 * address given on the command line, and build's own messages for the same
 * flags (test/cli/base-option.test.ts).
 */
const CONFIG = `${JSON.stringify({ title: "Newsletter", url: "https://example.org/", lang: "en", authors: ["me"] })}\n`;
// Line 3: the April issue's page without the base path, its `<a` at column 4.
const ABOUT = '<!doctype html>\n<html lang="en"><title>About</title>\n<p><a href="/issues/2011-04/">April</a></p>\n</html>\n';
const OUTSIDE = 'public/about.html:3:4  broken link "/issues/2011-04/": on the published site it leads outside the site, to https://example.org/issues/2011-04/, as the site is under /newsletter/ — write "issues/2011-04/" (relative to this file: it works under any base path, gekkan dev\'s too) or "/newsletter/issues/2011-04/" (a[href] in a file of public/, which is published as it is)';

describe("gekkan check --base and --url", () => {
  let site: TempDir;
  beforeAll(() => {
    ensureCompiled();
    site = tempSite({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": issue({ title: "April", issue: 1, date: "2011-04-01" }, "## GUI\n\nText.\n"), "public/about.html": ABOUT });
  }, 300_000);
  afterAll(() => site.remove());

  const check = (...args: string[]) => runCli(["check", ...args], { cwd: site.path, deadlineMs: 60_000 });

  it("--base /newsletter/: the site is checked under that path, and an address of public/ without it is an error", async () => {
    const result = await check("--base", "/newsletter/");
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n").filter((line) => line.startsWith("public/"))).toEqual([OUTSIDE]);
  });

  it("--url with the path: the same", async () => {
    const result = await check("--url", "https://example.org/newsletter/");
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n").filter((line) => line.startsWith("public/"))).toEqual([OUTSIDE]);
  });

  it("without either, the site is at the config's address, the host's root, where the address is the site's own", async () => {
    const result = await check();
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it.each([
    [["--base", "../repo"], 'gekkan check: --base cannot hold "." or ".." folders; write the path from the site\'s address, such as /repo/, found "../repo"'],
    [["--base", "https://example.org/repo/"], 'gekkan check: --base is the path the site is served under, such as /repo/; to change the site\'s address, pass the whole URL with --url, found "https://example.org/repo/"'],
    [["--url", "foo"], 'gekkan check: --url must be an absolute http(s) URL such as https://user.github.io/repo/, found "foo"'],
    [["--url", "https://example.org/a/", "--base", "/b/"], "gekkan check: --base /b/ is not the path of the site's address https://example.org/a/ (--url), which says the site is served under /a/; give --url and --base the same path (--url https://example.org/b/), or leave out --base"],
    [["--base"], "gekkan check: --base needs a value after it (--base VALUE)"],
  ])("%j is a usage error, as in gekkan build", async (args, message) => {
    const result = await check(...args);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(message);
  });

  it("--help names both", async () => {
    const result = await check("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("gekkan check [--root DIR] [--base PATH] [--url URL] [--html]");
    expect(result.stdout).toMatch(/\n {2}--base PATH {4}check the site as served under a sub-path/);
    expect(result.stdout).toMatch(/\n {2}--url URL {6}public site URL, overriding the config/);
  });
});
