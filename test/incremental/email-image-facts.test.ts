/**
 * Every email's key asks after the images its issue links (their width, and
 * whether public/ holds them), so a build that is not up to date read the
 * head of every image the archive links, though one issue changed. The
 * facts are now kept beside the file digests (file-digests.ts): a settled
 * image is not read again, one changed since is.
 * Oracles: the kernel's count of bytes this process read (/proc/self/io);
 * the width the test wrote into the JPEG's frame header, as the email's
 * <img> says it.
 */
import { closeSync, mkdirSync, openSync, readFileSync, statSync, utimesSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { PUBLIC_READ_BYTES } from "../../src/limits.js";
import { captureIo } from "../helpers/io.js";
import { bytesRead } from "../helpers/bytes-read.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const APRIL = "content/issues/2011/2011-04.md";
/** Eight images: what reading them takes stands well above what the rest of the build reads. */
const POSTERS = Array.from({ length: 8 }, (_, i) => `poster-${i}.jpg`);
const FILES = {
  [APRIL]: issue({ title: "4月号", issue: 1, date: "2011-04-01" }, `ポスターです。\n\n${POSTERS.map((name) => `![ポスター](/images/${name})`).join("\n\n")}\n`),
  "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 2, date: "2011-05-01" }),
};
/** Metadata before the frame header: its width is found only by reading this much of the file. */
const METADATA = 500 * 1024;
/** Over PUBLIC_READ_BYTES, so neither the up-to-date check nor the public/ stage reads it when it is as it was (file-digests.ts). */
const SIZE = PUBLIC_READ_BYTES + 1024 * 1024;

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  dir = undefined;
});

/** A JPEG of `width` pixels: APP1 segments of METADATA bytes, then its frame header; the rest a hole (no disk) up to SIZE bytes. */
function writeJpeg(path: string, width: number): void {
  const segments: Buffer[] = [Buffer.from([0xff, 0xd8])];
  for (let left = METADATA; left > 0; left -= 60_000) {
    const segment = Buffer.alloc(4 + Math.min(60_000, left));
    segment.writeUInt16BE(0xffe1, 0);
    segment.writeUInt16BE(segment.length - 2, 2);
    segments.push(segment);
  }
  const sof = Buffer.from([0xff, 0xc0, 0, 17, 8, 0, 10, 0, 0, 3]);
  sof.writeUInt16BE(width, 7);
  segments.push(sof);
  const bytes = Buffer.concat(segments);
  const fd = openSync(path, "w");
  try {
    writeSync(fd, bytes, 0, bytes.length, 0);
    writeSync(fd, Buffer.from([0xd9]), 0, 1, SIZE - 1);
  } finally {
    closeSync(fd);
  }
}

async function build(root: string): Promise<string> {
  const io = captureIo();
  expect(await main(["build", "--root", root, "--no-search", "--url", "https://example.org/"], io)).toBe(0);
  return io.stdout.join("\n");
}

/** The width attribute of each poster's <img> in April's email. */
function emailWidths(root: string): Array<string | undefined> {
  const html = readFileSync(join(root, "dist", "issues", "2011-04", "email.html"), "utf8");
  return [...html.matchAll(/<img\b[^>]*\ssrc="[^"]*poster-\d\.jpg"[^>]*>/g)].map(([tag]) => /\swidth="(\d+)"/.exec(tag)?.[1]);
}

describe("an image an issue links, in a build after another issue is edited", () => {
  it("is not read again once it has settled; a change since, its size and mtime put back, is read and reaches the email", async () => {
    dir = tempSite(FILES);
    const root = dir.path;
    mkdirSync(join(root, "public", "images"), { recursive: true });
    const posters = POSTERS.map((name) => join(root, "public", "images", name));
    for (const poster of posters) {
      writeJpeg(poster, 320);
      utimesSync(poster, 1_300_000_000, 1_300_000_000);
    }
    // Settled: a file written just before it is read is read by every build until it has (file-digests.ts).
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await build(root);
    expect(emailWidths(root)).toEqual(POSTERS.map(() => "320"));
    // May's issue edited: a real build, whose emails' keys ask after April's images.
    const may = join(root, "content/issues/2011/2011-05.md");
    writeFileSync(may, `${readFileSync(may, "utf8")}\n追記。\n`);
    const edited = bytesRead();
    expect(await build(root)).not.toMatch(/up to date/);
    // Each image's width lies past 500 KB of metadata: the build's own reads (sources, cache, templates) are under one image's.
    expect(bytesRead() - edited).toBeLessThan(2 * METADATA);
    expect(emailWidths(root)).toEqual(POSTERS.map(() => "320"));
    // Another width in the same bytes' places: same size, mtime put back; only ctime tells.
    const [first] = posters as [string];
    const { atime, mtime } = statSync(first);
    writeJpeg(first, 480);
    utimesSync(first, atime, mtime);
    const changed = bytesRead();
    expect(await build(root)).not.toMatch(/up to date/);
    expect(bytesRead() - changed).toBeGreaterThanOrEqual(METADATA);
    expect(emailWidths(root)).toEqual(POSTERS.map((_, i) => (i === 0 ? "480" : "320")));
  }, 120_000);
});
