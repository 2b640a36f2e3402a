import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, readTree, tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * `--base` is the path the site is served under. A whole URL there went
 * into every link after the site's address (https://example.org/https://…),
 * and "../x" quietly became /x/; both are refused before anything is
 * written, saying what to write instead.
 */
describe("build --base", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  const build = async (root: string, base: string) => {
    const io = captureIo();
    const code = await main(["build", "--root", root, "--no-search", "--no-cache", "--quiet", "--base", base], io);
    return { code, stderr: io.stderr.join("\n") };
  };

  it.each([
    ["https://example.org/repo/", 'gekkan build: --base is the path the site is served under, such as /repo/; to change the site\'s address, pass the whole URL with --url, found "https://example.org/repo/"'],
    ["../repo", 'gekkan build: --base cannot hold "." or ".." folders; write the path from the site\'s address, such as /repo/, found "../repo"'],
    ["/repo/./x/", 'gekkan build: --base cannot hold "." or ".." folders; write the path from the site\'s address, such as /repo/, found "/repo/./x/"'],
  ])("%s is refused, and the last build is left as it was", async (base, message) => {
    dir = tempSite({ "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }) });
    expect((await build(dir.path, "/ok/")).code).toBe(0);
    const before = readTree(join(dir.path, "dist"));
    const result = await build(dir.path, base);
    // A mistake in the command line, not in the content: a usage error.
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(message);
    expect(readTree(join(dir.path, "dist"))).toEqual(before);
  });

  it("a path goes into every link after the site's address", async () => {
    dir = tempSite({ "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }) });
    expect((await build(dir.path, "repo")).code).toBe(0);
    const html = readFileSync(join(dir.path, "dist", "index.html"), "utf8");
    expect(html).toContain('href="/repo/archive/"');
    expect(html).not.toMatch(/href="\/(?!repo\/)[^"]*"/);
  });
});

/**
 * --base and the path of the site's address (config "url", or --url) both
 * say where the site is served. Given both with different paths, links went
 * to --base's path while the address said another, without a word; that is
 * refused before anything is written, naming both and the fix. An address
 * with no path (https://example.org/) leaves the path to --base, as a
 * GitHub Pages project site needs. Run as an author runs it, from the site.
 */
describe("--base beside the site's address", () => {
  let dir: TempDir;
  const NEWS = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/news/", authors: ["編集部"] })}\n`;
  beforeAll(() => {
    ensureCompiled();
    dir = tempSite({ "gekkan.config.json": NEWS, "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }) });
  }, 300_000);
  afterAll(() => dir.remove());

  const build = (...args: string[]) => runCli(["build", "--no-search", "--no-cache", "--quiet", ...args], { cwd: dir.path });

  it("a different path is refused, naming both paths and the fix, and nothing is written", async () => {
    const result = await build("--base", "/other/");
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe('gekkan build: --base /other/ is not the path of the site\'s address https://example.org/news/ ("url" in gekkan.config.json), which says the site is served under /news/; leave out --base, or, if the site is served under /other/ now, change "url" in gekkan.config.json to https://example.org/other/ (or pass --url https://example.org/other/)');
    expect(existsSync(join(dir.path, "dist"))).toBe(false);
  });

  it("so is one that differs from --url's, with the fix for --url", async () => {
    const result = await build("--url", "https://example.org/a/", "--base", "/b/");
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe("gekkan build: --base /b/ is not the path of the site's address https://example.org/a/ (--url), which says the site is served under /a/; give --url and --base the same path (--url https://example.org/b/), or leave out --base");
  });

  it.each([[["--base", "news"]], [["--base", "/other/", "--url", "https://example.org/other/"]]])("the same path, however written, builds: %j", async (args) => {
    const result = await build(...args);
    expect(result.code, result.stderr).toBe(0);
    const path = args.includes("/other/") ? "/other/" : "/news/";
    const html = readFileSync(join(dir.path, "dist", "index.html"), "utf8");
    expect(html).toContain(`href="${path}archive/"`);
    expect(html).toContain(`href="https://example.org${path}"`);
  });

  it("an address with no path takes --base's", async () => {
    const result = await build("--url", "https://example.org/", "--base", "/repo/");
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir.path, "dist", "index.html"), "utf8")).toContain('href="/repo/archive/"');
  });
});
