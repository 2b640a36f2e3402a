import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { fixtureInput } from "../helpers/fixtures.js";
import { captureIo } from "../helpers/io.js";
import { copyToTemp, readTree, tempDir, type TempDir } from "../helpers/temp-site.js";

const ISSUE = "content/issues/2011/2011-05.md";

describe("atomic output directory", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.remove()));

  function setup(): { root: string; parent: string; out: string } {
    const site = copyToTemp(fixtureInput("releases-grouped"));
    const work = tempDir();
    temps.push(site, work);
    return { root: site.path, parent: work.path, out: join(work.path, "dist") };
  }

  const build = (root: string, out: string) => main(["build", "--root", root, "--out", out, "--no-search", "--quiet"], captureIo());

  it("a failing build leaves the previous output byte-identical and no temp dirs behind", async () => {
    const { root, parent, out } = setup();
    expect(await build(root, out)).toBe(0);
    const before = readTree(out);
    expect(before.size).toBeGreaterThan(10);
    expect(readdirSync(parent)).toEqual(["dist"]);

    const path = join(root, ISSUE);
    writeFileSync(path, readFileSync(path, "utf8").replace('status="planned"', 'status="shipped"'));
    expect(await build(root, out)).toBe(1);

    const after = readTree(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, bytes] of before) expect(after.get(file)?.equals(bytes), file).toBe(true);
    expect(readdirSync(parent)).toEqual(["dist"]);
  });

  it("a later good build replaces the output completely (no stale files) and cleans up", async () => {
    const { root, parent, out } = setup();
    expect(await build(root, out)).toBe(0);
    writeFileSync(join(out, "stale.txt"), "left over");
    const path = join(root, ISSUE);
    writeFileSync(path, readFileSync(path, "utf8").replace("1.0.11 の予定。", "1.0.11 の予定（更新）。"));
    expect(await build(root, out)).toBe(0);
    const after = readTree(out);
    expect(after.has("stale.txt")).toBe(false);
    expect(after.get("issues/2011-05/index.html")?.toString("utf8")).toContain("1.0.11 の予定（更新）。");
    expect(readdirSync(parent)).toEqual(["dist"]);
  });

  it("a first build that fails creates no output directory at all", async () => {
    const { root, parent, out } = setup();
    writeFileSync(join(root, ISSUE), "");
    expect(await build(root, out)).toBe(1);
    expect(readdirSync(parent)).toEqual([]);
  });
});
