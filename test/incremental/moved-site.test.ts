/**
 * A site's cache is good wherever the site lies: CI checks a repository out
 * under a path of the runner's choosing (a renamed repository, a self-hosted
 * runner, another CI), and an author may move or rename the folder. The
 * oracle for "nothing had to be made again" is the memos' own count of
 * computations (countingMemo, around the memo, so a miss cannot pass for a
 * hit); for "the same site", a plain build of the moved folder with no cache.
 */
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cachedOutputOf, changedPaths, copySite, outputOf } from "../helpers/site-copy.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

const dirs: TempDir[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

describe("a moved site keeps its cache", () => {
  it("renders no page, email or search part again in another folder, and builds what a plain build there builds", async () => {
    const first = await copySite();
    dirs.push(first);
    const options = { search: true, threads: 1 };
    const before = await cachedOutputOf(first.path, join(first.path, ".gekkan", "cache"), options);
    expect(before.computed.pages).toBeGreaterThan(10);
    expect(before.computed.search).toBeGreaterThan(0);

    // The whole folder, cache included, under another name and parent.
    const moved = tempDir("moved-elsewhere-");
    dirs.push(moved);
    const root = join(moved.path, "別の場所 site");
    await cp(first.path, root, { recursive: true });
    const after = await cachedOutputOf(root, join(root, ".gekkan", "cache"), options);
    expect(after.computed).toEqual({ issues: 0, pages: 0, search: 0 });

    const plain = await outputOf(root, options);
    expect(changedPaths(plain, after.output)).toEqual([]);
  }, 120_000);
});
