import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
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
    ["https://example.org/repo/", '--base: --base is the path the site is served under, such as /repo/; to change the site\'s address, pass the whole URL with --url, found "https://example.org/repo/"'],
    ["../repo", '--base: a base path cannot hold "." or ".." folders; write the path from the site\'s address, such as /repo/, found "../repo"'],
    ["/repo/./x/", '--base: a base path cannot hold "." or ".." folders; write the path from the site\'s address, such as /repo/, found "/repo/./x/"'],
  ])("%s is refused, and the last build is left as it was", async (base, message) => {
    dir = tempSite({ "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }) });
    expect((await build(dir.path, "/ok/")).code).toBe(0);
    const before = readTree(join(dir.path, "dist"));
    const result = await build(dir.path, base);
    expect(result.code).toBe(1);
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
