import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, linkBeside, readTree, tempDir, tempRepoSite, type TempDir } from "../helpers/temp-site.js";

const FILES = {
  "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }),
  "templates/partials/note.liquid": "note\n",
  "public/images/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
  "README.md": "# my newsletter\n",
};

/**
 * `build` replaces its output folder as a whole, so an --out that is, holds,
 * or sits inside the author's files must be refused before anything is
 * written: exit 1, the folder named, the reason given, every file intact.
 */
describe("build refuses an --out that would destroy the author's files", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.remove()));

  const site = (): string => {
    const dir = tempRepoSite(FILES);
    temps.push(dir);
    return dir.path;
  };

  const build = async (root: string, out: string, extra: string[] = []) => {
    const io = captureIo();
    const code = await main(["build", "--root", root, "--out", out, "--no-search", "--no-cache", "--quiet", ...extra], io);
    return { code, stderr: io.stderr.join("\n") };
  };

  it.each([
    [".", /that is the site folder itself/],
    ["..", /contains the site/],
    ["content", /the site's content\/ folder/],
    ["content/issues", /inside the site's content\/ folder/],
    ["templates", /the site's templates\/ folder/],
    ["public/out", /inside the site's public\/ folder/],
    [".git", /the site's \.git\/ folder/],
    ["README.md", /an existing file/],
    ["gekkan.config.json", /an existing file/],
  ])("--out %s", async (out, reason) => {
    const root = site();
    const before = readTree(root);
    const result = await build(root, join(root, out));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`refusing to write the site to ${JSON.stringify(join(root, out))}`);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readTree(root)).toEqual(before);
  });

  it("--out - (standard output, as for gekkan email) is a usage error, and no folder named - is made", async () => {
    const root = site();
    // The output and the folder of builds beside it (.dist-gekkan for dist), where the command runs.
    const strays = [join(process.cwd(), "-"), join(process.cwd(), ".--gekkan")];
    const there = strays.map((path) => existsSync(path));
    try {
      const result = await build(root, "-");
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("--out -: a site is a folder of files and cannot go to standard output");
      expect(strays.map((path) => existsSync(path))).toEqual(there);
      expect(existsSync(join(root, "dist"))).toBe(false);
    } finally {
      strays.forEach((path, i) => {
        if (there[i] !== true) rmSync(path, { recursive: true, force: true });
      });
    }
  });

  it.each([["dist/issues"], [".dist-gekkan/x"]])("--out %s, inside a build gekkan made, is refused even with --force, and the published build stays", async (out) => {
    const root = site();
    expect((await build(root, join(root, "dist"))).code).toBe(0);
    const before = readTree(root);
    const result = await build(root, join(root, out), ["--force"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\.dist-gekkan", which gekkan made and replaces or removes on its next build/);
    expect(readTree(root)).toEqual(before);
  });

  it("a file where the folder of builds goes (.dist-gekkan for dist) is refused in words, not a stack trace", async () => {
    const root = site();
    writeFileSync(join(root, ".dist-gekkan"), "notes\n");
    const before = readTree(root);
    const result = await build(root, join(root, "dist"), ["--force"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`builds in ${JSON.stringify(join(root, ".dist-gekkan"))}, and that is a file, not a folder`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readTree(root)).toEqual(before);
  });

  it("a folder of builds holding files gekkan did not put there is refused unless --force, and they are kept", async () => {
    const root = site();
    mkdirSync(join(root, ".dist-gekkan", "mine"), { recursive: true });
    writeFileSync(join(root, ".dist-gekkan", "mine", "notes.txt"), "precious\n");
    const refused = await build(root, join(root, "dist"));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds files gekkan did not write \("mine"\).* pass --force/);
    expect(readTree(join(root, ".dist-gekkan")).get("mine/notes.txt")?.toString()).toBe("precious\n");
    expect(existsSync(join(root, "dist"))).toBe(false);
    // What builds leave there (a build, the lock of a killed one) is gekkan's: no refusal.
    expect((await build(root, join(root, "dist"), ["--force"])).code).toBe(0);
    writeFileSync(join(root, ".dist-gekkan", "lock"), "999999999");
    expect((await build(root, join(root, "dist"))).code).toBe(0);
  });

  it("an output named like gekkan's marker (.gekkan-output) does not make the folder holding it pass for an output", async () => {
    const root = site();
    const www = join(root, "www");
    mkdirSync(www);
    writeFileSync(join(www, "index.html"), "the author's own page\n");
    expect((await build(root, join(www, ".gekkan-output"))).code).toBe(0);
    // www holds the author's files: replacing it as a whole must still ask for --force.
    const refused = await build(root, www);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/holds files gekkan did not write/);
    expect(readTree(www).get("index.html")?.toString()).toBe("the author's own page\n");
    // Nor is a new output in it refused as inside a build.
    expect((await build(root, join(www, "sub"))).code).toBe(0);
  });

  it("a symlink to the site is the site", async () => {
    const dir = tempRepoSite(FILES);
    const linked = linkBeside(dir);
    temps.push(dir, linked);
    const root = dir.path;
    const link = linked.path;
    const before = readTree(root);
    const result = await build(root, link);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/that is the site folder itself/);
    expect(readTree(root)).toEqual(before);
  });

  it("an existing folder gekkan did not write is refused unless --force", async () => {
    const root = site();
    const other = join(root, "photos");
    mkdirSync(other);
    writeFileSync(join(other, "holiday.jpg"), "not really a jpeg");
    const refused = await build(root, other);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/holds files gekkan did not write .* pass --force/);
    expect(readTree(other).get("holiday.jpg")?.toString()).toBe("not really a jpeg");

    expect((await build(root, other, ["--force"])).code).toBe(0);
    expect(readTree(other).has("index.html")).toBe(true);
    // Now it is gekkan's: the next build needs no --force.
    expect((await build(root, other)).code).toBe(0);
  });

  it.each([["the home folder", ""], ["a folder that holds it", ".."]])("--force never unlocks %s: `--out ~` is a slip, not a request to replace it", async (_name, up) => {
    const root = site();
    // /…/users/me, apart from the site: the folder that holds it (users) must not be refused for holding the site.
    const users = tempDir("users-");
    temps.push(users);
    const home = join(users.path, "me");
    mkdirSync(join(home, "Documents"), { recursive: true });
    writeFileSync(join(home, "Documents", "thesis.txt"), "years of work\n");
    const before = readTree(users.path);
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      const out = join(home, up);
      const result = await build(root, out, ["--force"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`refusing to write the site to ${JSON.stringify(out)}: that folder ${up === "" ? "is" : "contains"} your home folder`);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    } finally {
      process.env.HOME = saved;
    }
    expect(readTree(users.path)).toEqual(before);
  });

  it("a new or empty folder is fine, and --force never unlocks the site itself", async () => {
    const root = site();
    mkdirSync(join(root, "empty"));
    expect((await build(root, join(root, "empty"))).code).toBe(0);
    expect((await build(root, join(root, "fresh", "out"))).code).toBe(0);
    const forced = await build(root, root, ["--force"]);
    expect(forced.code).toBe(1);
    expect(readTree(join(root, "content")).size).toBe(1);
  });
});
