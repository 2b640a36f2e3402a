/**
 * A name in public/ that differs from one of gekkan's only in case
 * (public/Feed.xml beside /feed.xml, public/Archive/ beside /archive/) was
 * published beside it: right on Linux, but on macOS and Windows, and on
 * hosts that ignore case, the two are one, and one replaced the other. It
 * is now an error, as the same name is. Two public names that differ only
 * in case are a warning (public-name). The oracle is the message text, and
 * the output folder read back from disk.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, writeFiles, type TempDir } from "../helpers/temp-site.js";

const SAME = "on macOS and Windows, and on hosts that ignore case, the two are one";
const DEPENDS = "and which one a reader gets depends on the machine that built or checked out the site";

describe("names in public/ that differ from another only in case", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  const site = (files: Record<string, string>) => tempSite({ "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }), ...files });
  const build = async (root: string, ...args: string[]) => {
    const io = captureIo();
    const code = await main(["build", "--root", root, ...args], io);
    return { code, stderr: io.stderr };
  };

  it("a file beside gekkan's own is an error, every one at once, and the last build stays", async () => {
    dir = site({});
    expect((await build(dir.path, "--no-search")).code).toBe(0);
    const feed = readFileSync(join(dir.path, "dist", "feed.xml"));
    writeFiles(dir.path, { "public/Feed.xml": "mine\n", "public/Archive/b.png": "png\n", "public/Archive/c.png": "png\n", "public/archive/Index.html": "mine\n" });
    const run = await build(dir.path, "--no-search");
    expect(run.code).toBe(1);
    expect(run.stderr.slice(0, 3)).toEqual([
      `public/Archive/b.png:1:1  gekkan makes a folder /archive/, a name that differs from public/Archive/ only in case: ${SAME} folder, ${DEPENDS}; move what it holds into public/archive/, or give the folder another name`,
      `public/Feed.xml:1:1  gekkan writes /feed.xml, a name that differs from public/Feed.xml only in case: ${SAME} file, ${DEPENDS}; rename or remove public/Feed.xml`,
      `public/archive/Index.html:1:1  gekkan writes /archive/index.html, a name that differs from public/archive/Index.html only in case: ${SAME} file, ${DEPENDS}; rename or remove public/archive/Index.html`,
    ]);
    expect(run.stderr[3]).toBe("\n3 problems found; nothing was written.");
    expect(readFileSync(join(dir.path, "dist", "feed.xml"))).toEqual(feed);
    expect(existsSync(join(dir.path, "dist", "Feed.xml"))).toBe(false);
  });

  it("a folder named like the search index's is an error while the site has search", async () => {
    dir = site({ "public/PageFind/own.js": "//\n" });
    const run = await build(dir.path, "--no-search");
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toBe(`public/PageFind/own.js:1:1  gekkan makes a folder /pagefind/, a name that differs from public/PageFind/ only in case: ${SAME} folder, ${DEPENDS}; move what it holds into public/pagefind/, or give the folder another name`);
  });

  it("two public names that differ only in case are a warning; both are published", async () => {
    dir = site({ "public/img/Logo.png": "A\n", "public/img/logo.png": "a\n", "public/Icons/a.svg": "<svg/>\n", "public/icons/b.svg": "<svg/>\n" });
    const run = await build(dir.path, "--no-search");
    expect(run.code).toBe(0);
    expect(run.stderr.filter((line) => line.includes("public-name") || line.includes("but for case"))).toEqual([
      "public/icons/b.svg:1:1  warning: public/Icons/ has the same name as public/icons/ but for case: macOS and Windows cannot hold both (a checkout there keeps one of them), and a host that ignores case serves one for both addresses; rename one of them",
      "public/img/logo.png:1:1  warning: public/img/Logo.png has the same name as public/img/logo.png but for case: macOS and Windows cannot hold both (a checkout there keeps one of them), and a host that ignores case serves one for both addresses; rename one of them",
      'gekkan: if you mean these, stop the warning in gekkan.config.json with "ignoreWarnings": ["public-name"]',
    ]);
    expect(readFileSync(join(dir.path, "dist", "img", "Logo.png"), "utf8")).toBe("A\n");
    expect(readFileSync(join(dir.path, "dist", "img", "logo.png"), "utf8")).toBe("a\n");
  });

  it('"ignoreWarnings": ["public-name"] stops the warning', async () => {
    dir = site({ "public/img/Logo.png": "A\n", "public/img/logo.png": "a\n" });
    writeFileSync(join(dir.path, "gekkan.config.json"), JSON.stringify({ title: "テスト月刊", url: "https://example.org/", ignoreWarnings: ["public-name"] }));
    const run = await build(dir.path, "--no-search");
    expect(run.code).toBe(0);
    expect(run.stderr.join("\n")).not.toContain("but for case");
  });
});

describe("names in public/ that Windows cannot hold", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("are a warning each, at the first file under the name; the files are published", async () => {
    dir = tempSite({ "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }), "public/docs/what?.pdf": "pdf\n", "public/con.png": "png\n", "public/v1./a.txt": "a\n", "public/v1./b.txt": "b\n" });
    const io = captureIo();
    expect(await main(["build", "--root", dir.path, "--no-search"], io)).toBe(0);
    const tail = "Linux and macOS publish it, but a checkout on Windows cannot hold it, and a host on Windows cannot serve it; rename it, and the links to it";
    expect(io.stderr.filter((line) => line.includes(tail))).toEqual([
      `public/con.png:1:1  warning: public/con.png is "con", a name Windows keeps for a device, with an extension or without: ${tail}`,
      `public/docs/what?.pdf:1:1  warning: public/docs/what?.pdf holds "?", which Windows keeps for paths: ${tail}`,
      `public/v1./a.txt:1:1  warning: public/v1./ ends in a dot, which Windows drops: ${tail}`,
    ]);
    expect(readFileSync(join(dir.path, "dist", "docs", "what?.pdf"), "utf8")).toBe("pdf\n");
  });
});
