/**
 * An issue page writes the size of each image of public/ it shows on its
 * <img> (page-images.ts), so the size is part of what the page is made
 * from: an image that changes size in public/ must change, on a cached
 * build, the pages that show it, and only those, whether the file grew
 * or was rewritten in place at its old length with its mtime put back
 * (only its ctime tells). Oracles: the sizes written into the PNGs by
 * hand, and a --no-cache build of the same inputs, which the cached one
 * must equal byte for byte.
 */
import { readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { pngFile } from "../helpers/image-files.js";
import { issue, readTree, tempDir, tempSite, type TempDir } from "../helpers/temp-site.js";

const dirs: TempDir[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

async function build(root: string, out: string, ...flags: string[]): Promise<string> {
  const io = captureIo();
  expect(await main(["build", "--root", root, "--out", out, "--no-search", ...flags], io)).toBe(0);
  expect(io.stderr).toEqual([]);
  return io.stdout.join("\n");
}

/** The width and height on each <img> of a built page. */
function sizes(out: string, page: string): string[] {
  const html = readFileSync(join(out, page, "index.html"), "utf8");
  return [...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => `${/\swidth="(\d+)"/.exec(tag)?.[1]}x${/\sheight="(\d+)"/.exec(tag)?.[1]}`);
}

/** The same PNG bytes but for the size its header says (IHDR's width and height, and the chunk's CRC): the same length. */
function resized(png: Buffer, width: number, height: number): Buffer {
  const bytes = Buffer.from(png);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
  return bytes;
}

/** The cached build into `out` equals a --no-cache build of the same inputs. */
async function expectSameAsCold(root: string, out: string, scratch: string): Promise<void> {
  const cold = join(scratch, `cold-${Date.now()}`);
  await build(root, cold, "--no-cache");
  expect(readTree(out)).toEqual(readTree(cold));
}

describe("an image that changes size in public/, on a cached build", () => {
  it("changes the pages that show it, and the output is the --no-cache build's", async () => {
    const site = tempSite({
      "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }, "![表紙](/images/cover.png)\n\n![図](/images/chart.png)\n"),
      "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 2, date: "2011-05-01" }, "![図](/images/chart.png)\n"),
      "public/images/cover.png": pngFile(40, 30),
      "public/images/chart.png": pngFile(64, 48),
    });
    const scratch = tempDir();
    dirs.push(site, scratch);
    const root = site.path;
    const out = join(scratch.path, "dist");
    await build(root, out);
    expect([sizes(out, "issues/2011-04"), sizes(out, "issues/2011-05")]).toEqual([["40x30", "64x48"], ["64x48"]]);

    // A new picture of another size and length under the same name: April's page alone shows it.
    writeFileSync(join(root, "public", "images", "cover.png"), pngFile(80, 20));
    expect(await build(root, out)).toMatch(/\b1 of \d+ pages rendered/);
    expect([sizes(out, "issues/2011-04"), sizes(out, "issues/2011-05")]).toEqual([["80x20", "64x48"], ["64x48"]]);
    await expectSameAsCold(root, out, scratch.path);

    // Settled, so the next build trusts its kept facts (file-digests.ts); then rewritten at the same length, its times put back.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await build(root, join(scratch.path, "settle"));
    const chart = join(root, "public", "images", "chart.png");
    const { atime, mtime } = statSync(chart);
    writeFileSync(chart, resized(readFileSync(chart), 48, 64));
    utimesSync(chart, atime, mtime);
    expect(await build(root, out)).toMatch(/\b2 of \d+ pages rendered/);
    expect([sizes(out, "issues/2011-04"), sizes(out, "issues/2011-05")]).toEqual([["80x20", "48x64"], ["48x64"]]);
    await expectSameAsCold(root, out, scratch.path);
  }, 60_000);
});
