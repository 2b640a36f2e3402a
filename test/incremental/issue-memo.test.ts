import { execFile } from "node:child_process";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { readPack, writePack } from "../../src/incremental/pack.js";
import { changedPaths, cachedAttempt, cachedOutputOf, copySite, edit, outputOf, repo } from "../helpers/site-copy.js";
import { formatDiagnostic, type ContentError } from "../../src/diagnostics.js";
import type { TempDir } from "../helpers/temp-site.js";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";

const sites: TempDir[] = [];
async function site(): Promise<string> {
  const dir = await copySite();
  sites.push(dir);
  return dir.path;
}
afterEach(() => sites.splice(0).forEach((dir) => dir.remove()));

const cacheOf = (root: string) => join(root, ".gekkan", "cache");
const packOf = (root: string) => join(cacheOf(root), "issues.pack");
const issueFiles = async (root: string) => {
  const dir = join(root, "content", "issues");
  return (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".md")).sort().map((f) => join(dir, f));
};

describe("rendered issues are reused by content, and reuse never changes the output", () => {
  beforeAll(async () => {
    // Worker threads load the compiled lib/pipeline/parse-worker.js: compile what is under test.
    await promisify(execFile)("npm", ["run", "compile"], { cwd: repo });
  });

  it("cold, warm, worker and in-process builds are byte-identical; a warm build renders no issue", async () => {
    const root = await site();
    const reference = await outputOf(root, { threads: 1 });
    const cold = await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    expect(cold.computed.issues).toBe((await issueFiles(root)).length);
    const warm = await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    expect(warm.computed).toEqual({ issues: 0, pages: 0, search: 0 });
    const workers = await outputOf(root, { threads: 2 });
    await rm(cacheOf(root), { recursive: true });
    const workersCold = await cachedOutputOf(root, cacheOf(root), { threads: 2 });
    const warmAfterWorkers = await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    expect(warmAfterWorkers.computed.issues).toBe(0);
    expect(reference.size).toBeGreaterThan(20);
    for (const other of [cold.output, warm.output, workers, workersCold.output, warmAfterWorkers.output]) expect(changedPaths(reference, other)).toEqual([]);
  });

  it("a source edit renders that issue only, and the output equals an uncached build", async () => {
    const root = await site();
    const before = await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    const [first] = await issueFiles(root);
    await edit(first as string, (t) => t.replace(/\n---\n/, "\n---\n\nA brand-new opening sentence.\n"));
    const warm = await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    expect(warm.computed.issues).toBe(1);
    expect(changedPaths(await outputOf(root, { threads: 1 }), warm.output)).toEqual([]);
    // The first file may be a translation (en/issues/…): its page changed either way.
    expect(changedPaths(before.output, warm.output).some((p) => /^(?:[a-z]+\/)?issues\//.test(p))).toBe(true);
  });

  it.each([
    ["a config change that changes the render context (base path)", (root: string) => edit(join(root, "gekkan.config.json"), (t) => t.replace(/"url": "([^"]+?)\/?"/, "\"url\": \"$1/sub/\""))],
    ["a config change outside the render context (title)", (root: string) => edit(join(root, "gekkan.config.json"), (t) => t.replace(/"title": "/, "\"title\": \"Renamed "))],
    ["a template change", (root: string) => edit(join(root, "templates", "partials", "block-release.liquid"), (t) => `${t}<!-- edited -->`)],
    ["a locale change", (root: string) => edit(join(root, "templates", "locales", "ja.json"), (t) => t.replace("\"issueNumber\": \"第", "\"issueNumber\": \"改第"))],
  ])("%s reaches the output through a warm cache", async (_name, change) => {
    const root = await site();
    const before = await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    await change(root);
    const warm = await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    expect(changedPaths(await outputOf(root, { threads: 1 }), warm.output)).toEqual([]);
    expect(changedPaths(before.output, warm.output).length).toBeGreaterThan(0);
  });
});

describe("a damaged issue cache never gives wrong output or a crash", () => {
  const damages: Array<[string, (pack: Buffer) => Buffer]> = [
    ["truncated mid-record", (pack) => pack.subarray(0, Math.floor(pack.length / 2))],
    ["truncated inside the magic", (pack) => pack.subarray(0, 5)],
    ["garbage", (pack) => Buffer.from(pack.map((_, i) => (i * 7919) % 256))],
    ["a flipped payload byte (checksum mismatch)", (pack) => {
      const copy = Buffer.from(pack);
      const at = copy.indexOf("\"html\"");
      copy[at + 10] = (copy[at + 10] as number) ^ 0x20;
      return copy;
    }],
    ["null", () => Buffer.from("null")],
    ["empty", () => Buffer.alloc(0)],
  ];

  it.each(damages)("%s", async (_name, damage) => {
    const root = await site();
    const reference = await outputOf(root, { threads: 1 });
    await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    await writeFile(packOf(root), damage(await readFile(packOf(root))));
    const damaged = await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    expect(changedPaths(reference, damaged.output)).toEqual([]);
    // The damage is repaired: the pack is whole again and serves the next build.
    const repaired = await readPack(packOf(root));
    expect(repaired.damaged).toBe(false);
    expect(repaired.entries.size).toBe((await issueFiles(root)).length);
    const again = await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    expect(again.computed.issues).toBe(0);
  });

  it("an entry with a valid checksum that does not decode is rendered again and replaced", async () => {
    const root = await site();
    const reference = await outputOf(root, { threads: 1 });
    await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    const { entries } = await readPack(packOf(root));
    await writePack(packOf(root), [...entries.keys()].map((key) => [key, Buffer.from("{\"ok\":true,\"value\":")] as const));
    const damaged = await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    expect(damaged.computed.issues).toBe(entries.size);
    expect(changedPaths(reference, damaged.output)).toEqual([]);
    expect((await cachedOutputOf(root, cacheOf(root), { threads: 1 })).computed.issues).toBe(0);
  });

  it("`gekkan build` with a damaged cache builds, exit 0, no stack", async () => {
    const root = await site();
    expect(await main(["build", "--root", root, "--no-search", "--quiet"], captureIo())).toBe(0);
    for (const name of await readdir(cacheOf(root))) await writeFile(join(cacheOf(root), name), "null");
    const io = captureIo();
    expect(await main(["build", "--root", root, "--no-search"], io)).toBe(0);
    expect(io.stderr).toEqual([]);
  });
});

describe("cached failures and pruning", () => {
  it("a cached error reports the same located message without rendering again", async () => {
    const root = await site();
    const [first] = await issueFiles(root);
    await edit(first as string, (t) => t.replace(/^title: .*$/m, "title: 42"));
    const fresh = await cachedAttempt(root, cacheOf(root), { threads: 1 });
    const cached = await cachedAttempt(root, cacheOf(root), { threads: 1 });
    expect(fresh.computed.issues).toBe((await issueFiles(root)).length);
    expect(cached.computed.issues).toBe(0);
    const lines = (error: unknown) => (error as ContentError).messages.map(formatDiagnostic);
    expect(lines(fresh.error).length).toBeGreaterThan(0);
    expect(lines(cached.error)).toEqual(lines(fresh.error));
    expect(lines(cached.error)[0]).toMatch(/^content\/issues\/\S+:[2-9]\d*:\d+ {2}/);
  });

  it("new entries are appended; entries no build uses are dropped once they outweigh the rest; --no-cache writes nothing", async () => {
    const root = await site();
    await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    const files = await issueFiles(root);
    expect((await readPack(packOf(root))).entries.size).toBe(files.length);
    const [first, second] = files as [string, string, ...string[]];
    await edit(first, (t) => `${t}\nAppended.\n`);
    await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    // The edited issue's old entry stays for now (appending is cheap; rewriting every build is not).
    expect((await readPack(packOf(root))).entries.size).toBe(files.length + 1);
    await rm(first);
    await rm(second);
    await cachedOutputOf(root, cacheOf(root), { threads: 1 });
    expect((await readPack(packOf(root))).entries.size).toBe(files.length - 2);

    const other = await site();
    expect(await main(["build", "--root", other, "--no-search", "--no-cache", "--quiet"], captureIo())).toBe(0);
    await expect(readdir(join(other, ".gekkan"))).rejects.toThrow(/ENOENT/);
  });
});
