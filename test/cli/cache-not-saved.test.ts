import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

describe("a cache that cannot be saved", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("is one warning naming every part it stopped and why, and the site is built all the same", async () => {
    dir = tempSite({ "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 1, date: "2011-05-01" }) });
    // A cache folder under a file: every part of the cache fails to save for the same reason.
    writeFileSync(join(dir.path, "blocker"), "a file, not a folder\n");
    const cacheDir = join(dir.path, "blocker", "cache");
    const io = captureIo();
    expect(await main(["build", "--root", dir.path, "--cache-dir", cacheDir], io)).toBe(0);
    expect(io.stderr).toEqual([
      `gekkan: warning: the cache in ${cacheDir} was not saved (issues, pages, fragments, search, file digests, record): a part of the path is a file, not a folder (ENOTDIR); the site was built all the same, and the next build redoes what the cache would have saved`,
    ]);
    expect(io.stdout[0]).toMatch(/^gekkan: built 1 issue in /);
  });
});
