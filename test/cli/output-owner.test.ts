import { execFileSync } from "node:child_process";
import { readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { issue } from "../helpers/temp-site.js";
import { runCli } from "../helpers/run-cli.js";
import { cliSites } from "../helpers/cli-sites.js";

const APRIL_FILE = "content/issues/2011/2011-04.md";
const APRIL = (body: string) => issue({ title: "4月号", issue: 1, date: "2011-04-01" }, `${body}\n`);
/** The author, an ordinary user; the tests run as root, whom permissions do not stop, so root plays the `sudo gekkan build`. */
const AUTHOR = { uid: 65534, gid: 65534 };
const BUILD = ["build", "--no-search", "--no-cache"];

const sites = cliSites();

/** Gives the whole site to the author, as their own checkout is. */
function giveToAuthor(path: string): void {
  execFileSync("chown", ["-R", `${AUTHOR.uid}:${AUTHOR.gid}`, path]);
}

/**
 * A build run once with sudo leaves folders of builds that belong to root:
 * the author's next build was an internal error with a stack trace (exit 70),
 * even after publishing. It is told whose the folder is and how to get it back.
 */
describe("an output folder left by a build run as another user", () => {
  it("a folder of builds owned by root: exit 1 in words, naming the owner and the fix, and the site stays as it was", async () => {
    const site = sites.make({ [APRIL_FILE]: APRIL("最初の本文。") });
    giveToAuthor(site.path);
    // The sudo build: .dist-gekkan/ is made by root.
    expect((await runCli(BUILD, { cwd: site.path })).code).toBe(0);
    const published = readlinkSync(join(site.path, "dist"));
    writeFileSync(join(site.path, APRIL_FILE), APRIL("直した本文。"));
    const run = await runCli(BUILD, { cwd: site.path, ...AUTHOR });
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.code).toBe(1);
    const store = join(site.path, ".dist-gekkan");
    expect(run.stderr).toContain(`gekkan build: could not lock ${JSON.stringify(join(site.path, "dist"))} for writing: permission denied (EACCES) in ${JSON.stringify(store)}; it belongs to root (as after a build run with sudo): make it yours with sudo chown -R "$USER" ${JSON.stringify(store)}, or remove it with sudo rm -rf ${JSON.stringify(store)}; the previous output is unchanged`);
    expect(readlinkSync(join(site.path, "dist"))).toBe(published);
    expect(readFileSync(join(site.path, "dist", "issues", "2011-04", "index.html"), "utf8")).toContain("最初の本文。");
  });

  it("an older build owned by root in the author's folder of builds: the site is published, with a warning naming it", async () => {
    const site = sites.make({ [APRIL_FILE]: APRIL("一。") });
    giveToAuthor(site.path);
    expect((await runCli(BUILD, { cwd: site.path, ...AUTHOR })).code).toBe(0);
    // The sudo build, in the author's .dist-gekkan/: its folder and files are root's.
    writeFileSync(join(site.path, APRIL_FILE), APRIL("二。"));
    expect((await runCli(BUILD, { cwd: site.path })).code).toBe(0);
    const rootBuild = join(site.path, readlinkSync(join(site.path, "dist")));
    // The author's next build keeps root's as the current one; the build after it removes it, or tries to.
    for (const body of ["三。", "四。"]) {
      writeFileSync(join(site.path, APRIL_FILE), APRIL(body));
      giveToAuthor(join(site.path, APRIL_FILE));
      const run = await runCli(BUILD, { cwd: site.path, ...AUTHOR });
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(run.code).toBe(0);
      if (body === "三。") continue;
      expect(run.stderr).toContain(`gekkan: warning: could not remove an older build: permission denied (EACCES) for ${JSON.stringify(rootBuild)}; it belongs to root (as after a build run with sudo): make it yours with sudo chown -R "$USER" ${JSON.stringify(rootBuild)}, or remove it with sudo rm -rf ${JSON.stringify(rootBuild)}; the site was built and published all the same, and the next build tries again`);
    }
    expect(readFileSync(join(site.path, "dist", "issues", "2011-04", "index.html"), "utf8")).toContain("四。");
  });
});
