/**
 * A folder gekkan reads by name, written in other case (content/Issues,
 * Content/issues, Public): macOS and Windows open it by either name, so the
 * author's build was right, while Linux, where CI builds and hosts run,
 * built the site without it, exit 0: no issues at all, or no images. It is
 * now an error at the folder, on every system. The oracle is the message
 * text and the output folder on disk.
 */
import { existsSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildInProcess, checkInProcess } from "../helpers/io.js";
import { issue, tempSite, writeFiles, type TempDir } from "../helpers/temp-site.js";

const LINUX = "macOS and Windows open it all the same, but Linux (where CI builds and most hosts run) does not, and builds the site without";
const GIT = "with git mv (git on macOS and Windows does not see a rename that changes only case)";
const APRIL = issue({ title: "四月号", issue: 1, date: "2011-04-01" });

describe("a site folder written in other case", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("content/Issues is an error at the folder in build and check, and nothing is written", async () => {
    dir = tempSite({ "content/Issues/2011/2011-04.md": APRIL });
    const run = await buildInProcess(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toBe(`content/Issues:1:1  gekkan reads content/issues/, in lower case, and this folder's name differs from it only in case: ${LINUX} any of its issues; rename it to content/issues ${GIT}`);
    expect(existsSync(join(dir.path, "dist"))).toBe(false);
    const check = await checkInProcess(dir.path);
    expect(check.code).toBe(1);
    expect(check.lines[0]).toBe(run.stderr[0]);
  });

  it("Content/issues is named at the first folder in other case", async () => {
    dir = tempSite({ "Content/issues/2011/2011-04.md": APRIL });
    const run = await buildInProcess(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toBe(`Content:1:1  gekkan reads content/, in lower case, and this folder's name differs from it only in case: ${LINUX} any of its issues; rename it to content ${GIT}`);
  });

  it("Public is an error at the folder, and the last build stays", async () => {
    dir = tempSite({ "content/issues/2011/2011-04.md": APRIL, "public/logo.png": "png\n" });
    expect((await buildInProcess(dir.path)).code).toBe(0);
    renameSync(join(dir.path, "public"), join(dir.path, "Public"));
    const run = await buildInProcess(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toBe(`Public:1:1  gekkan reads public/, in lower case, and this folder's name differs from it only in case: ${LINUX} its files (images, styles); rename it to public ${GIT}`);
    expect(readFileSync(join(dir.path, "dist", "logo.png"), "utf8")).toBe("png\n");
  });
});

describe("a folder in other case made after a build", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it.each(["Public", "Templates"])("%s ends \"up to date\": the next build reports it", async (name) => {
    dir = tempSite({ "content/issues/2011/2011-04.md": APRIL });
    expect((await buildInProcess(dir.path)).code).toBe(0);
    writeFiles(dir.path, { [`${name}/own.txt`]: "mine\n" });
    const run = await buildInProcess(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toMatch(new RegExp(`^${name}:1:1  gekkan reads ${name.toLowerCase()}/, in lower case`));
  });
});
