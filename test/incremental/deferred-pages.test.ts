import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { copySite } from "../helpers/site-copy.js";
import { readTree, tempDir, type TempDir } from "../helpers/temp-site.js";

const dirs: TempDir[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

async function build(root: string, out: string, ...flags: string[]): Promise<{ code: number; stderr: string[] }> {
  const io = captureIo();
  const code = await main(["build", "--root", root, "--out", out, "--no-search", "--quiet", ...flags], io);
  return { code, stderr: io.stderr };
}

/** Flips one byte inside each HTML document in the page cache (pages and emails alike; `first`: only one), keeping every header. */
function damagePages(pack: string, which: "first" | "all"): number {
  const bytes = readFileSync(pack);
  const text = bytes.toString("latin1");
  let count = 0;
  for (const match of text.matchAll(/<!doctype html>/gi)) {
    const at = match.index;
    bytes[at + 3] = (bytes[at + 3] as number) ^ 0x01;
    count++;
    if (which === "first") break;
  }
  writeFileSync(pack, bytes);
  return count;
}

/** A copy of the sample site, its clean build (no cache) and a cached build into `dist`. */
async function builtTwice(): Promise<{ root: string; work: string; clean: string; out: string; pack: string }> {
  const site = await copySite();
  const work = tempDir();
  dirs.push(site, work);
  const clean = join(work.path, "clean");
  expect((await build(site.path, clean, "--no-cache")).code).toBe(0);
  const out = join(work.path, "dist");
  expect((await build(site.path, out)).code).toBe(0);
  return { root: site.path, work: work.path, clean, out, pack: join(site.path, ".gekkan", "cache", "pages.pack") };
}

describe("cached pages are read only when written, and a damaged one is never published", () => {
  it.each(["first", "all"] as const)("output gone, %s cached page(s) damaged: the build checks what it reads and writes the clean site", async (which) => {
    const { root, work, clean, out, pack } = await builtTwice();
    // Without the output, every page must come from the cache's bytes, not from links to the last build.
    rmSync(out, { force: true });
    rmSync(join(work, ".dist-gekkan"), { recursive: true, force: true });
    expect(damagePages(pack, which)).toBeGreaterThan(0);

    const rebuilt = await build(root, out);
    expect(rebuilt.stderr).toEqual([]);
    expect(rebuilt.code).toBe(0);
    expect(readTree(out)).toEqual(readTree(clean));
  });

  it("a damaged cached page whose file the last build wrote is linked, not read: the output stays the clean site", async () => {
    const { root, clean, out, pack } = await builtTwice();
    damagePages(pack, "all");
    const damaged = readFileSync(pack);
    // A new public file makes a real build (not "nothing changed") in which every page is reused.
    writeFileSync(join(root, "public", "extra.txt"), "x");
    expect((await build(root, out)).code).toBe(0);
    // Nothing read the damaged entries: a read would have found the damage and rewritten the pack.
    expect(readFileSync(pack).equals(damaged)).toBe(true);
    rmSync(join(root, "public", "extra.txt"));
    const tree = readTree(out);
    expect(tree.get("extra.txt")?.toString()).toBe("x");
    tree.delete("extra.txt");
    expect(tree).toEqual(readTree(clean));
  });
});
