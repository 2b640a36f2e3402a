import { existsSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, readTree, tempDir, tempRepoSite, type TempDir } from "../helpers/temp-site.js";

const FILES = {
  "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }),
  "templates/partials/note.liquid": "note\n",
  "public/images/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
};

/**
 * The cache keeps files of its own between builds. In public/ or the output
 * folder they were published with the site (a --cache-dir public build put
 * nine cache files on the next build's site); among content/ or templates/
 * they are committed with the author's files. Such a --cache-dir is refused
 * before anything is written: exit 1, the folder named, the reason given,
 * the site and an earlier dist/ untouched.
 */
describe("build refuses a --cache-dir where the cache would be published or mixed with the author's files", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.remove()));

  const site = (): string => {
    const dir = tempRepoSite(FILES);
    temps.push(dir);
    return dir.path;
  };

  const build = async (root: string, extra: string[]) => {
    const io = captureIo();
    const code = await main(["build", "--root", root, "--no-search", "--quiet", ...extra], io);
    return { code, stderr: io.stderr.join("\n") };
  };

  it.each([
    [".", /that is the site folder itself/],
    ["public", /that is the site's public\/ folder, whose files are published/],
    ["public/cache", /inside the site's public\/ folder/],
    ["content", /the site's content\/ folder, which holds your issues/],
    ["templates/cache", /inside the site's templates\/ folder/],
    [".git", /the site's \.git\/ folder/],
    ["dist", /that is the output folder, which every build replaces/],
    ["dist/cache", /inside the output folder/],
    ["gekkan.config.json", /an existing file, not a folder/],
  ])("--cache-dir %s", async (cacheDir, reason) => {
    const root = site();
    expect((await build(root, ["--no-cache"])).code).toBe(0);
    const before = readTree(root);
    const result = await build(root, ["--cache-dir", join(root, cacheDir)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`refusing to keep the cache in ${JSON.stringify(join(root, cacheDir))}: `);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toContain("choose a folder of its own, such as the default .gekkan/cache/");
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readTree(root)).toEqual(before);
  });

  it("a link to public/ is public/", async () => {
    const root = site();
    symlinkSync(join(root, "public"), join(root, "cache-link"));
    const result = await build(root, ["--cache-dir", join(root, "cache-link")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the site's public\/ folder/);
    expect(readdirSync(join(root, "public"))).toEqual(["images"]);
  });

  it("a folder of its own is used, beside the site or under node_modules/.cache", async () => {
    const root = site();
    const beside = tempDir();
    temps.push(beside);
    for (const cacheDir of [beside.path, join(root, "node_modules", ".cache", "gekkan")]) {
      expect((await build(root, ["--cache-dir", cacheDir])).code).toBe(0);
      expect(existsSync(join(cacheDir, "written.json"))).toBe(true);
    }
    expect(readdirSync(join(root, "public"))).toEqual(["images"]);
  });
});
