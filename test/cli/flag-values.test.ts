/**
 * A malformed value on the command line is a usage error in every command:
 * exit 2, one line `gekkan <command>: <the flag and what to write>`, then the
 * command's usage line, and nothing written. `--url foo` and `--base ../x`
 * were content errors (exit 1, "1 problem found; nothing was written."), so a
 * CI script read a typo in its own command line as a broken issue. Run as the
 * real CLI, from a site whose path has a space and Japanese; the oracle is
 * each message written out here by hand.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

describe("a malformed flag value is a usage error in every command", () => {
  let dir: TempDir;
  beforeAll(() => {
    ensureCompiled();
    dir = tempSite({ "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }) });
  }, 300_000);
  afterAll(() => dir.remove());

  const URL_FOO = '--url must be an absolute http(s) URL such as https://user.github.io/repo/, found "foo"';
  const DOTS = '--base cannot hold "." or ".." folders; write the path from the site\'s address, such as /repo/, found "../x"';
  const WHOLE = '--base is the path the site is served under, such as /repo/; to change the site\'s address, pass the whole URL with --url, found "https://example.org/x/"';

  it.each([
    [["build", "--url", "foo"], URL_FOO],
    [["build", "--url", "ftp://example.org/"], '--url must be an absolute http(s) URL such as https://user.github.io/repo/, found "ftp://example.org/"'],
    [["build", "--base", "../x"], DOTS],
    [["build", "--base", "https://example.org/x/"], WHOLE],
    [["build", "--url", "https://example.org/a/", "--base", "/b/"], "--base /b/ is not the path of the site's address https://example.org/a/ (--url), which says the site is served under /a/; give --url and --base the same path (--url https://example.org/b/), or leave out --base"],
    [["build", "--threads", "x"], '--threads must be a whole number (0 or 1 = no worker threads), found "x"'],
    [["email", "1", "--url", "foo"], URL_FOO],
    [["email", "1", "--base", "../x"], DOTS],
    [["email", "1", "--to", "nobody"], '--to "nobody" is not an email address'],
    [["init", "新しい 連載", "--url", "foo"], URL_FOO],
    [["init", "新しい 連載", "--time-zone", "Mars/Base"], /^--time-zone Mars\/Base: /],
    [["new", "--date", "2011-13"], /^--date 2011-13: there is no month 13/],
    [["dev", "--port", "x"], '--port must be a whole number from 0 to 65535, found "x"'],
    [["check", "--root", ""], /^--root is empty; give the site folder/],
  ] as const)("%j: exit 2, the flag and the fix, the usage line, nothing written", async (args, message) => {
    const before = readdirSync(dir.path).sort();
    const result = await runCli(args, { cwd: dir.path });
    const [command] = args;
    const lines = result.stderr.split("\n");
    expect(result.code, result.stderr).toBe(2);
    const first = lines[0] ?? "";
    expect(first.startsWith(`gekkan ${command}: `), first).toBe(true);
    const said = first.slice(`gekkan ${command}: `.length);
    if (typeof message === "string") expect(said).toBe(message);
    else expect(said).toMatch(message);
    expect(lines[1]).toMatch(new RegExp(`^usage: gekkan ${command} `));
    expect(result.stderr).not.toMatch(/problem found|nothing was written|\n\s+at /);
    expect(result.stdout).toBe("");
    expect(readdirSync(dir.path).sort()).toEqual(before);
  });

  /**
   * On GitHub Actions a problem with no place in a file is annotated without
   * one (GitHub's documented `::error title={title}::{message}`), after the
   * line gekkan prints: a bad --base was annotated as a content error was.
   */
  it("on GitHub Actions a usage error and a machine problem are error annotations, after the line printed", async () => {
    const env = { GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: dir.path };
    const usage = await runCli(["build", "--base", "../x"], { cwd: dir.path, env });
    expect(usage.code).toBe(2);
    expect(usage.stderr.split("\n").slice(0, 2)).toEqual([`gekkan build: ${DOTS}`, `::error title=gekkan build::${DOTS}`]);
    const out = join(dir.path, "gekkan.config.json", "site");
    const machine = await runCli(["build", "--out", out], { cwd: dir.path, env });
    expect(machine.code).toBe(1);
    const said = `could not write the site to ${JSON.stringify(out)}: a part of the path is a file, not a folder (ENOTDIR)`;
    expect(machine.stderr.split("\n")).toEqual([`gekkan build: ${said}`, `::error title=gekkan build::${said}`, ""]);
  });

  /** A file where a folder of --out's path should be ended the build as a bug (exit 70, a stack trace). */
  it("an --out under a file is a machine problem told in one line (exit 1), not a bug", async () => {
    const result = await runCli(["build", "--out", join(dir.path, "gekkan.config.json", "site")], { cwd: dir.path });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toBe(`gekkan build: could not write the site to ${JSON.stringify(join(dir.path, "gekkan.config.json", "site"))}: a part of the path is a file, not a folder (ENOTDIR)\n`);
    expect(existsSync(join(dir.path, "dist"))).toBe(false);
  });
});
