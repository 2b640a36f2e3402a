import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const ISSUE = { "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }) };
const NO_URL = 'gekkan.config.json:1:1  warning: the config has no "url", so feeds, the sitemap and canonical links point at http://localhost/; add "url": "https://…/" with the address the site is published at, or pass --url';
const STOP = 'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["site-address"]';

/**
 * A site with no address of its own was built for http://localhost/ without
 * a word: its feeds, sitemap and canonical links all pointed there. The
 * build now warns, and says how to give the address.
 */
let dir: TempDir | undefined;
afterEach(() => dir?.remove());

const build = async (root: string, ...flags: string[]) => {
  const io = captureIo();
  const code = await main(["build", "--root", root, "--no-search", "--quiet", ...flags], io);
  return { code, stderr: io.stderr };
};

describe("a site without an address", () => {
  it("a config without url: the build warns, again when skipped as up to date, and the feed does point at localhost", async () => {
    dir = tempSite({ ...ISSUE, "gekkan.config.json": `${JSON.stringify({ title: "テスト月刊", lang: "ja" })}\n` });
    expect(await build(dir.path)).toEqual({ code: 0, stderr: [NO_URL, STOP] });
    expect(await build(dir.path)).toEqual({ code: 0, stderr: [NO_URL, STOP] });
    expect(readFileSync(join(dir.path, "dist", "feed.xml"), "utf8")).toContain("http://localhost/issues/2011-04/");
  });

  it("--url or the config's url gives the address, and nothing is said", async () => {
    dir = tempSite({ ...ISSUE, "gekkan.config.json": `${JSON.stringify({ title: "テスト月刊", lang: "ja" })}\n` });
    expect(await build(dir.path, "--url", "https://example.org/news/")).toEqual({ code: 0, stderr: [] });
    expect(readFileSync(join(dir.path, "dist", "feed.xml"), "utf8")).toContain("https://example.org/news/issues/2011-04/");
    dir.remove();
    // Even an address that is localhost, written on purpose.
    dir = tempSite({ ...ISSUE, "gekkan.config.json": `${JSON.stringify({ title: "テスト月刊", url: "http://localhost/" })}\n` });
    expect(await build(dir.path)).toEqual({ code: 0, stderr: [] });
  });

  it("a url in package.json's gekkan key counts", async () => {
    dir = tempSite({ ...ISSUE, "package.json": `${JSON.stringify({ name: "news", gekkan: { title: "テスト月刊", url: "https://example.org/" } })}\n` });
    rmSync(join(dir.path, "gekkan.config.json"));
    expect(await build(dir.path)).toEqual({ code: 0, stderr: [] });
  });
});

/**
 * Links are made of the address's scheme, host and path: a login, a query or
 * a fragment in it was dropped without a word (and a password written in the
 * config is committed with the site). The build says so, at the address.
 */
describe("a site address with parts no link carries", () => {
  it("a login and a query in the config's url: a warning at the url, naming both, and no link holds either", async () => {
    const config = `{\n  "title": "テスト月刊",\n  "url": "https://news:s3cret@example.org/news/?utm_source=x#top"\n}\n`;
    dir = tempSite({ ...ISSUE, "gekkan.config.json": config });
    const result = await build(dir.path);
    expect(result.code).toBe(0);
    expect(result.stderr[0]).toBe('gekkan.config.json:3:10  warning: the site\'s address holds a user name or password and "?utm_source=x#top", which no link carries: feeds, the sitemap and canonical links use https://example.org/news/ (the scheme, host and path); a password in gekkan.config.json is committed with the site: remove it and keep it in the host\'s settings');
    expect(result.stderr[1]).toContain('"ignoreWarnings": ["site-address-parts"]');
    const feed = readFileSync(join(dir.path, "dist", "feed.xml"), "utf8");
    expect(feed).toContain("https://example.org/news/issues/2011-04/");
    expect(feed).not.toMatch(/s3cret|utm_source/);
  });

  it("a query in --url: a warning naming --url; a plain address says nothing", async () => {
    dir = tempSite({ ...ISSUE, "gekkan.config.json": `${JSON.stringify({ title: "テスト月刊", lang: "ja" })}\n` });
    const result = await build(dir.path, "--url", "https://example.org/news/?ref=ci");
    expect(result.code).toBe(0);
    expect(result.stderr[0]).toMatch(/^--url: warning: the site's address holds "\?ref=ci", which no link carries/);
    expect(await build(dir.path, "--url", "https://example.org/news/")).toEqual({ code: 0, stderr: [] });
  });
});
