/**
 * A large file in public/ (a video) was read whole into memory to be hashed,
 * compared and written: a 1.5 GB one took 3 GB and 18 s, and the up-to-date
 * check hashed any file over 2 GB as "absent", so changing one left the site
 * as it was. Now such a file is hashed as it streams by, copied file to file
 * and streamed by `gekkan dev`.
 * Oracles: the bytes written here, `sha256sum` (coreutils), `cmp`-style byte
 * comparison of what is published, and inode numbers read by stat.
 */
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, statSync, utimesSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { hashFile } from "../../src/incremental/hash-tree.js";
import { addPublicFiles } from "../../src/pipeline/public-files.js";
import { startDevServer } from "../../src/dev/dev-server.js";
import { OutputSet } from "../../src/write/output.js";
import { PUBLIC_READ_BYTES } from "../../src/limits.js";
import { issue, tempDir, tempSite, type TempDir } from "../helpers/temp-site.js";
import { runCli } from "../helpers/run-cli.js";
import { cliSites } from "../helpers/cli-sites.js";
import { memoryIo, openSse } from "../helpers/dev-server.js";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { bytesRead } from "../helpers/bytes-read.js";


const APRIL = { "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }) };
/** Over 2 GiB, what Node's readFile can hold. */
const HUGE = 2 ** 31 + 4096;

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  dir = undefined;
});

/** A sparse file of `size` bytes (no disk space) whose last byte is `last`. */
function sparse(path: string, size: number, last: number): void {
  execFileSync("truncate", ["-s", String(size), path]);
  const fd = openSync(path, "r+");
  writeSync(fd, Buffer.from([last]), 0, 1, size - 1);
  closeSync(fd);
}

function digestOf(path: string): string {
  const hash = createHash("sha256");
  hashFile(hash, "video.mp4", path);
  return hash.digest("hex");
}

describe("a file in public/ larger than memory should hold", () => {
  it("over 2 GB, is hashed by its bytes for the up-to-date check: a change of its last byte changes the key", () => {
    dir = tempDir();
    const [a, b] = ["a.mp4", "b.mp4"].map((name) => join(dir?.path ?? "", name)) as [string, string];
    sparse(a, HUGE, 1);
    sparse(b, HUGE, 2);
    expect(digestOf(a)).not.toBe(digestOf(b));
  }, 60_000);

  it("is not read by the public/ stage: the output copies it from where it is, named by the SHA-256 of its bytes", async () => {
    dir = tempSite(APRIL);
    mkdirSync(join(dir.path, "public"));
    const video = join(dir.path, "public", "video.mp4");
    writeFileSync(video, randomBytes(PUBLIC_READ_BYTES + 1));
    writeFileSync(join(dir.path, "public", "small.txt"), "small\n");
    const output = new OutputSet();
    expect(await addPublicFiles(dir.path, output, false)).toEqual([]);
    const sha = execFileSync("sha256sum", [video], { encoding: "utf8" }).split(" ")[0];
    expect(output.source("video.mp4")).toBe(video);
    expect(output.identity("video.mp4")).toBe(`sha256:${sha}`);
    expect(output.source("small.txt")).toBeUndefined();
  });
});

describe("gekkan build and dev with a large public file", () => {
  const sites = cliSites();

  it("publishes its bytes, links it unchanged into the next build, and publishes a change of the same size and time", async () => {
    const site = sites.make(APRIL);
    mkdirSync(join(site.path, "public"));
    const video = join(site.path, "public", "video.mp4");
    const first = randomBytes(PUBLIC_READ_BYTES + 4096);
    writeFileSync(video, first);
    const build = async () => {
      const run = await runCli(["build", "--no-search", "--url", "https://example.org/"], { cwd: site.path, deadlineMs: 60_000 });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    };
    await build();
    expect(readFileSync(join(site.path, "dist", "video.mp4")).equals(first)).toBe(true);
    const inode = statSync(join(site.path, "dist", "video.mp4")).ino;
    // Another build (an issue edited): the video is the same file, linked from the last build, not a second copy.
    writeFileSync(join(site.path, "content/issues/2011/2011-04.md"), `${APRIL["content/issues/2011/2011-04.md"]}\n追記。\n`);
    await build();
    expect(statSync(join(site.path, "dist", "video.mp4")).ino).toBe(inode);
    // Other bytes, same size, its times put back: the build must see it by its bytes.
    const { atime, mtime } = statSync(video);
    const second = Buffer.from(first);
    second[second.length - 1] = (second.at(-1) ?? 0) ^ 0xff;
    writeFileSync(video, second);
    utimesSync(video, atime, mtime);
    await build();
    expect(readFileSync(join(site.path, "dist", "video.mp4")).equals(second)).toBe(true);
    // The source was copied, not linked: the published build is not the author's file.
    expect(statSync(join(site.path, "dist", "video.mp4")).ino).not.toBe(statSync(video).ino);
  }, 120_000);

  it("is not read again by a build with it unchanged, once it has settled; a change since, its times put back, is published", async () => {
    dir = tempSite(APRIL);
    mkdirSync(join(dir.path, "public"));
    const video = join(dir.path, "public", "video.mp4");
    const size = 3 * PUBLIC_READ_BYTES;
    writeFileSync(video, Buffer.alloc(size, 5));
    utimesSync(video, 1_300_000_000, 1_300_000_000);
    // Settled: a file written just before it is read is read by every build until it has (file-digests.ts).
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const build = async () => {
      const io = captureIo();
      const code = await main(["build", "--root", dir?.path ?? "", "--no-search", "--url", "https://example.org/"], io);
      return { code, out: io.stdout.join("\n") };
    };
    expect((await build()).code).toBe(0);
    const before = bytesRead();
    const again = await build();
    expect(bytesRead() - before).toBeLessThan(PUBLIC_READ_BYTES);
    expect(again.out).toMatch(/up to date/);
    // An issue edited: a real build, whose public/ stage takes the video's digest as the check left it.
    writeFileSync(join(dir.path, "content/issues/2011/2011-04.md"), `${APRIL["content/issues/2011/2011-04.md"]}\n追記。\n`);
    const edited = bytesRead();
    const monthly = await build();
    expect(bytesRead() - edited).toBeLessThan(PUBLIC_READ_BYTES);
    expect(monthly.out).not.toMatch(/up to date/);
    const fd = openSync(video, "r+");
    writeSync(fd, Buffer.from([6]), 0, 1, size - 1);
    closeSync(fd);
    utimesSync(video, 1_300_000_000, 1_300_000_000);
    const changed = await build();
    expect(changed.out).not.toMatch(/up to date/);
    expect(execFileSync("sha256sum", ["-b", join(dir.path, "dist", "video.mp4")], { encoding: "utf8" }).split(" ")[0]).toBe(execFileSync("sha256sum", ["-b", video], { encoding: "utf8" }).split(" ")[0]);
    expect(readFileSync(join(dir.path, "dist", "video.mp4")).at(-1)).toBe(6);
  }, 120_000);

  it("gekkan dev serves it streamed, whole, with its length; HEAD gets the length alone", async () => {
    dir = tempSite({ ...APRIL, "gekkan.config.json": `${JSON.stringify({ title: "T", url: "https://example.org/", search: false })}\n` });
    mkdirSync(join(dir.path, "public"));
    const bytes = randomBytes(PUBLIC_READ_BYTES + 1);
    writeFileSync(join(dir.path, "public", "video.mp4"), bytes);
    const server = await startDevServer({ root: dir.path, port: 0, io: memoryIo(), debounceMs: 60 });
    try {
      const res = await fetch(new URL("/video.mp4", server.url));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("video/mp4");
      expect(res.headers.get("content-length")).toBe(String(bytes.length));
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
      const head = await fetch(new URL("/video.mp4", server.url), { method: "HEAD" });
      expect(head.headers.get("content-length")).toBe(String(bytes.length));
      expect((await head.arrayBuffer()).byteLength).toBe(0);
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe("gekkan dev with a large public file", () => {
  it("does not hash it again on a full rebuild once it has settled; a change since, its times put back, is served", async () => {
    dir = tempSite({ ...APRIL, "gekkan.config.json": `${JSON.stringify({ title: "T", url: "https://example.org/", search: false })}\n` });
    mkdirSync(join(dir.path, "public"));
    const video = join(dir.path, "public", "video.mp4");
    const size = 3 * PUBLIC_READ_BYTES;
    sparse(video, size, 5);
    utimesSync(video, 1_300_000_000, 1_300_000_000);
    // Settled before the first run hashes it, so that digest is one the rebuilds trust (file-digests.ts).
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const server = await startDevServer({ root: dir.path, port: 0, io: memoryIo(), debounceMs: 60 });
    const events = await openSse(new URL("/__gekkan/events", server.url).href);
    try {
      await server.settled();
      const april = join(dir.path, "content/issues/2011/2011-04.md");
      // A new title shows on other pages: a full rebuild, which copies public/ again.
      const before = bytesRead();
      writeFileSync(april, readFileSync(april, "utf8").replace('title: "4月号"', 'title: "4月号（改）"'));
      await events.next("reload");
      await server.settled();
      const last = server.last();
      expect(last?.ok === true ? last.mode : last).toBe("full");
      expect(bytesRead() - before).toBeLessThan(PUBLIC_READ_BYTES);
      const fd = openSync(video, "r+");
      writeSync(fd, Buffer.from([6]), 0, 1, size - 1);
      closeSync(fd);
      utimesSync(video, 1_300_000_000, 1_300_000_000);
      await events.next("reload");
      await server.settled();
      const tail = await fetch(new URL("/video.mp4", server.url), { headers: { Range: "bytes=-1" } });
      expect([...Buffer.from(await tail.arrayBuffer())]).toEqual([6]);
    } finally {
      events.close();
      await server.close();
    }
  }, 60_000);
});

describe("gekkan dev while it hashes a large changed file", () => {
  /**
   * Whether the server answers while the rebuild hashes, told by how far the
   * hash had read when each page came back (the kernel's count of bytes
   * read, not a clock): a hash that held the event loop lets a page come
   * back only before it starts or after it ends, never with part of the
   * file read.
   */
  it("answers page requests all through the rebuild that hashes it, half-way through the file too", async () => {
    dir = tempSite({ ...APRIL, "gekkan.config.json": `${JSON.stringify({ title: "T", url: "https://example.org/", search: false })}\n` });
    mkdirSync(join(dir.path, "public"));
    const video = join(dir.path, "public", "video.mp4");
    // 3 GiB, sparse: its hash is thousands of slices, many pages' worth each.
    const size = 3 * 2 ** 30;
    sparse(video, size, 5);
    const server = await startDevServer({ root: dir.path, port: 0, io: memoryIo(), debounceMs: 60 });
    const events = await openSse(new URL("/__gekkan/events", server.url).href);
    try {
      await server.settled();
      const { atime, mtime } = statSync(video);
      const fd = openSync(video, "r+");
      writeSync(fd, Buffer.from([6]), 0, 1, size - 1);
      closeSync(fd);
      utimesSync(video, atime, mtime);
      const start = bytesRead();
      // Pages asked for one after another (this process is the server's too: a blocked loop holds one of them).
      let rebuilt = false;
      const readWhenAnswered: number[] = [];
      const asking = (async () => {
        while (!rebuilt) {
          const page = await fetch(new URL("/", server.url));
          await page.arrayBuffer();
          expect(page.status).toBe(200);
          readWhenAnswered.push(bytesRead() - start);
        }
      })();
      await events.next("reload", 60_000);
      rebuilt = true;
      await asking;
      await server.settled();
      // The rebuild hashed the file, and pages came back while its middle half was being read.
      expect(bytesRead() - start).toBeGreaterThan(size);
      expect(readWhenAnswered.filter((read) => read > size / 4 && read < (3 * size) / 4).length).toBeGreaterThan(2);
      const tail = await fetch(new URL("/video.mp4", server.url), { headers: { Range: "bytes=-1" } });
      expect([...Buffer.from(await tail.arrayBuffer())]).toEqual([6]);
    } finally {
      events.close();
      await server.close();
    }
  }, 120_000);
});

describe("gekkan dev and a video's parts", () => {
  it.each([
    ["streamed from public/ (a large file)", PUBLIC_READ_BYTES + 1],
    ["held in memory (a small file)", 100_000],
  ])("answers a Range request %s with 206 and those bytes, one outside the file with 416", async (_how, size) => {
    dir = tempSite({ ...APRIL, "gekkan.config.json": `${JSON.stringify({ title: "T", url: "https://example.org/", search: false })}\n` });
    mkdirSync(join(dir.path, "public"));
    const bytes = randomBytes(size);
    writeFileSync(join(dir.path, "public", "clip.mp4"), bytes);
    const server = await startDevServer({ root: dir.path, port: 0, io: memoryIo(), debounceMs: 60 });
    try {
      const get = (range: string) => fetch(new URL("/clip.mp4", server.url), { headers: { Range: range } });
      const part = await get("bytes=1000-1999");
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${size}`);
      expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true);
      const tail = await get("bytes=-10");
      expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(size - 10))).toBe(true);
      const outside = await get(`bytes=${size}-`);
      expect(outside.status).toBe(416);
      expect(outside.headers.get("content-range")).toBe(`bytes */${size}`);
      const whole = await fetch(new URL("/clip.mp4", server.url));
      expect(whole.headers.get("accept-ranges")).toBe("bytes");
      expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);
});
