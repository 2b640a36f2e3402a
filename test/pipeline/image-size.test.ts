/**
 * The size public/'s images say they have: what an issue page writes on its
 * <img> (width and height) and the email reads (width). Oracle: the width
 * and height this test wrote into each file's header by hand, where its
 * format's specification puts them (test/helpers/image-files.ts), and
 * which files it put in public/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { imageSize } from "../../src/pipeline/image-size.js";
import { publicImages } from "../../src/pipeline/public-images.js";
import { FileDigests } from "../../src/incremental/file-digests.js";
import { gifHead, jpegHead, pngFile, webpExtendedHead, webpLosslessHead, webpLossyHead } from "../helpers/image-files.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  dir = undefined;
});

describe("an image's size, from its first bytes", () => {
  it("is read from a PNG, a GIF, a JPEG after its metadata, and each kind of WebP", () => {
    expect(imageSize(pngFile(640, 427))).toEqual({ width: 640, height: 427 });
    expect(imageSize(gifHead(300, 200))).toEqual({ width: 300, height: 200 });
    expect(imageSize(jpegHead(1200, 800, 20_000))).toEqual({ width: 1200, height: 800 });
    expect(imageSize(webpLossyHead(960, 540))).toEqual({ width: 960, height: 540 });
    expect(imageSize(webpLosslessHead(1024, 16_384))).toEqual({ width: 1024, height: 16_384 });
    expect(imageSize(webpExtendedHead(70_000, 3))).toEqual({ width: 70_000, height: 3 });
  });

  it("is unknown for a head cut short, another format, or a zero side", () => {
    expect(imageSize(pngFile(640, 427).subarray(0, 20))).toBeUndefined();
    expect(imageSize(Buffer.from("<!doctype html><p>not an image</p>"))).toBeUndefined();
    expect(imageSize(gifHead(300, 0))).toBeUndefined();
    expect(imageSize(webpLossyHead(960, 540).subarray(0, 27))).toBeUndefined();
  });
});

describe("public/'s images as the pages and the email ask after them", () => {
  /** A site folder whose public/images/ holds `files`. */
  function site(files: Record<string, Buffer | string>): string {
    dir = tempDir("image size ");
    mkdirSync(join(dir.path, "public", "images"), { recursive: true });
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir.path, "public", "images", name), bytes);
    return dir.path;
  }

  it("give each file's width and height, an SVG's from its attributes or viewBox", () => {
    const root = site({
      "a.png": pngFile(32, 18),
      "b.gif": gifHead(300, 200),
      "c.jpg": jpegHead(1200, 800, 30_000),
      "d.webp": webpLossyHead(960, 540),
      "e.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 336"></svg>',
      "f.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="360"></svg>',
      "g.txt": "no image",
    });
    const look = publicImages(root);
    expect(["a.png", "b.gif", "c.jpg", "d.webp", "e.svg", "f.svg", "g.txt", "none.png"].map((name) => look(`images/${name}`))).toEqual([
      { width: 32, height: 18, scalable: false },
      { width: 300, height: 200, scalable: false },
      { width: 1200, height: 800, scalable: false },
      { width: 960, height: 540, scalable: false },
      // Its viewBox alone: a proportion, which the page shows as wide as the column.
      { width: 360, height: 336, scalable: true },
      // A width alone: the email still has it; the page writes neither.
      { width: 360, height: undefined, scalable: false },
      { width: undefined, height: undefined, scalable: false },
      undefined,
    ]);
  });

  it("give the same sizes from the facts kept between builds as from the files", async () => {
    const root = site({ "a.png": pngFile(32, 18), "c.jpg": jpegHead(1200, 800), "f.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="360"></svg>', "e.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 336"></svg>' });
    const cache = join(root, "cache");
    mkdirSync(cache);
    // Settled, so the next run trusts what this one kept (file-digests.ts).
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const names = ["images/a.png", "images/c.jpg", "images/f.svg", "images/e.svg"];
    const first = FileDigests.read(cache);
    const read = names.map(publicImages(root, first));
    await first.save(cache);
    const kept = FileDigests.read(cache);
    expect(names.map(publicImages(root, kept))).toEqual(read);
    expect(kept.changed).toBe(false);
    expect(read).toEqual([{ width: 32, height: 18, scalable: false }, { width: 1200, height: 800, scalable: false }, { width: 360, height: undefined, scalable: false }, { width: 360, height: 336, scalable: true }]);
  }, 30_000);
});
