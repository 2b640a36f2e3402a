import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { cliSites } from "../helpers/cli-sites.js";
import { issue } from "../helpers/temp-site.js";

const sites = cliSites();
const APRIL = { "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }) };
const config = (url: string) => `${JSON.stringify({ title: "月刊", url }, null, 2)}\n`;

/**
 * The home page's address, copied from the browser (…/news/index.html), was
 * taken for the folder /news/index.html/: every link, the feeds and the
 * sitemap went under it, and the build said nothing. The site's address is
 * the folder, and a page's address is told which folder that is.
 */
describe("a page's address given as the site's", () => {
  it("in the config's url: an error at its place with the folder to write, and nothing is built", async () => {
    const site = sites.make({ "gekkan.config.json": config("https://user.github.io/news/index.html"), ...APRIL });
    const run = await runCli(["build", "--no-search", "--no-cache"], { cwd: site.path });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('gekkan.config.json:3:10  invalid config field "url": expected an absolute http(s) URL where the site is published, e.g. https://user.github.io/repo/, found the string "https://user.github.io/news/index.html" (that is the address of a page, and the site\'s address is the folder it is published in: write "https://user.github.io/news/")');
    expect(existsSync(join(site.path, "dist"))).toBe(false);
  });

  it.each([
    [["--url", "https://user.github.io/news/about.htm"], "gekkan build: --url https://user.github.io/news/about.htm is the address of a page, and the site's address is the folder it is published in: write --url https://user.github.io/news/"],
    [["--base", "/news/index.html"], 'gekkan build: --base is the folder the site is served under, not a page in it; write --base /news/, found "/news/index.html"'],
  ])("%j: a usage error (exit 2) with the folder to give", async (flags, message) => {
    const site = sites.make({ "gekkan.config.json": config("https://user.github.io/"), ...APRIL });
    const run = await runCli(["build", "--no-search", "--no-cache", ...flags], { cwd: site.path });
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(message);
    expect(existsSync(join(site.path, "dist"))).toBe(false);
  });

  it("a folder whose name has a dot is a folder still", async () => {
    const site = sites.make({ "gekkan.config.json": config("https://example.org/v1.0/"), ...APRIL });
    const run = await runCli(["build", "--no-search", "--no-cache", "--base", "/v1.0/"], { cwd: site.path });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});
