/**
 * A <video> that seeks drops the request it was reading and asks for another
 * part; a reader that closes the tab does the same. The file gekkan dev was
 * streaming for the dropped request must be closed then, not held open for
 * as long as the server runs. Oracle: the kernel's list of this process's
 * open files (/proc/self/fd), which no gekkan code writes.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startDevServer } from "../../src/dev/dev-server.js";
import { PUBLIC_READ_BYTES } from "../../src/limits.js";
import { memoryIo } from "../helpers/dev-server.js";
import { issue, tempSite } from "../helpers/temp-site.js";

/** How many of this process's file descriptors are open on `path`. */
function openOn(path: string): number {
  return readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

/** Asks for `path` and hangs up as soon as the first bytes of the body arrive. */
function dropAfterFirstBytes(origin: string, path: string, headers: Record<string, string>): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((ok, fail) => {
    const req = request({ host: hostname, port, path, headers }, (res) => {
      res.once("data", () => {
        req.destroy();
        ok(res.statusCode ?? 0);
      });
    });
    req.on("error", (error) => (req.destroyed ? undefined : fail(error)));
    req.end();
  });
}

describe.runIf(process.platform === "linux")("gekkan dev and a dropped request for a large public file", () => {
  it("closes the file once the browser has dropped the request, whole file or part", async () => {
    const site = tempSite({
      "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }),
      "gekkan.config.json": `${JSON.stringify({ title: "T", url: "https://example.org/", search: false })}\n`,
    });
    mkdirSync(join(site.path, "public"));
    const video = join(site.path, "public", "clip.mp4");
    // Streamed from disk (not held in memory) above PUBLIC_READ_BYTES; larger than any socket buffer.
    writeFileSync(video, randomBytes(PUBLIC_READ_BYTES * 2));
    const server = await startDevServer({ root: site.path, port: 0, io: memoryIo(), debounceMs: 60 });
    try {
      expect(await dropAfterFirstBytes(server.url, "/clip.mp4", {})).toBe(200);
      expect(await dropAfterFirstBytes(server.url, "/clip.mp4", { Range: "bytes=1000-" })).toBe(206);
      const deadline = Date.now() + 5_000;
      while (openOn(video) > 0 && Date.now() < deadline) await new Promise((wake) => setTimeout(wake, 50));
      expect(openOn(video)).toBe(0);
    } finally {
      await server.close();
      site.remove();
    }
  }, 60_000);
});
