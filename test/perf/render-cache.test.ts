import { execFile } from "node:child_process";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { readSources } from "../../src/content/sources.js";
import { renderAll } from "../../src/content/render-all.js";
import type { RenderContext } from "../../src/content/render-issue.js";
import { readPack, writePack } from "../../src/cache/pack.js";
import { PACK_FILE, cacheNamespace, renderKey } from "../../src/cache/render-cache.js";
import { deserializeResult, serializeResult } from "../../src/cache/serialize.js";
import { changedPaths, copySite, edit, outputOf, repo } from "./site.js";

const sites: string[] = [];
async function site(): Promise<string> {
  const root = await copySite();
  sites.push(root);
  return root;
}
afterEach(async () => {
  await Promise.all(sites.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

const cacheOf = (root: string) => join(root, ".gekkan", "cache");
const packOf = (root: string) => join(cacheOf(root), PACK_FILE);
const firstIssue = async (root: string) => {
  const dir = join(root, "content", "issues");
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".md")).sort();
  return join(dir, files[0] as string);
};

describe("cold, warm, worker and in-process builds are byte-identical", () => {
  beforeAll(async () => {
    // Worker threads load the compiled lib/content/render-worker.js: compile what is under test.
    await promisify(execFile)("npm", ["run", "compile"], { cwd: repo });
  });

  it("every file of the output matches", async () => {
    const root = await site();
    const reference = await outputOf(root, { threads: 1 });
    const cold = await outputOf(root, { threads: 1, cacheDir: cacheOf(root) });
    expect((await readPack(packOf(root))).entries.size).toBeGreaterThan(0);
    const warm = await outputOf(root, { threads: 1, cacheDir: cacheOf(root) });
    const workers = await outputOf(root, { threads: 2 });
    await rm(cacheOf(root), { recursive: true });
    const workersCold = await outputOf(root, { threads: 2, cacheDir: cacheOf(root) });
    const warmAfterWorkers = await outputOf(root, { threads: 1, cacheDir: cacheOf(root) });
    expect(reference.size).toBeGreaterThan(20);
    for (const other of [cold, warm, workers, workersCold, warmAfterWorkers]) expect(changedPaths(reference, other)).toEqual([]);
  });
});

describe("every input change reaches the output through a warm cache", () => {
  /** Warm the cache, apply the edit, then the warm build must equal an uncached build and differ from before. */
  async function expectFresh(change: (root: string) => Promise<void>): Promise<string[]> {
    const root = await site();
    const before = await outputOf(root, { threads: 1, cacheDir: cacheOf(root) });
    await change(root);
    const warm = await outputOf(root, { threads: 1, cacheDir: cacheOf(root) });
    const uncached = await outputOf(root, { threads: 1 });
    expect(changedPaths(uncached, warm)).toEqual([]);
    const changed = changedPaths(before, warm);
    expect(changed.length).toBeGreaterThan(0);
    return changed;
  }

  it("a source edit", async () => {
    const changed = await expectFresh(async (root) => edit(await firstIssue(root), (t) => t.replace(/\n---\n/, "\n---\n\nA brand-new opening sentence.\n")));
    expect(changed.some((p) => p.endsWith("index.html") && p.startsWith("issues/"))).toBe(true);
  });

  it("a config change that changes the render context (base path)", async () => {
    const changed = await expectFresh((root) => edit(join(root, "gekkan.config.json"), (t) => t.replace(/"url": "([^"]+?)\/?"/, "\"url\": \"$1/sub/\"")));
    expect(changed.length).toBeGreaterThan(5);
  });

  it("a config change outside the render context (title)", async () => {
    await expectFresh((root) => edit(join(root, "gekkan.config.json"), (t) => t.replace(/"title": "/, "\"title\": \"Renamed ")));
  });

  it("a template change", async () => {
    await expectFresh((root) => edit(join(root, "templates", "partials", "block-release.liquid"), (t) => `${t}<!-- edited -->`));
  });

  it("a locale change", async () => {
    await expectFresh((root) => edit(join(root, "templates", "locales", "ja.json"), (t) => t.replace("\"issueNumber\": \"第", "\"issueNumber\": \"改第")));
  });
});

describe("the cache key", () => {
  const context: RenderContext = { components: ["pacemaker"], languages: ["ja", "en"], defaultLang: "ja", basePath: "/" };

  it("depends on the fingerprint and on every context field", () => {
    const base = cacheNamespace(context, "f1");
    expect(cacheNamespace({ ...context }, "f1")).toBe(base);
    const variants = [
      cacheNamespace(context, "f2"),
      cacheNamespace({ ...context, components: ["pacemaker", "drbd"] }, "f1"),
      cacheNamespace({ ...context, languages: ["ja"] }, "f1"),
      cacheNamespace({ ...context, defaultLang: "en" }, "f1"),
      cacheNamespace({ ...context, basePath: "/sub/" }, "f1"),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
    const bytes = new TextEncoder().encode("x");
    expect(renderKey(base, "a.md", bytes)).not.toBe(renderKey(base, "b.md", bytes));
    expect(renderKey(base, "a.md", bytes)).not.toBe(renderKey(base, "a.md", new TextEncoder().encode("y")));
  });

  it("a pipeline fingerprint change (a gekkan upgrade) stops old entries being used", async () => {
    const root = await site();
    const sources = await readSources(root);
    const { rendered } = await renderAll(sources, contextFor(), { cacheDir: cacheOf(root), threads: 1, fingerprint: "old" });
    // Poison every stored entry: if the cache is consulted, the poison shows up in the result.
    const pack = await readPack(packOf(root));
    const poisoned = [...pack.entries].map(([key, payload]) => {
      const result = deserializeResult(payload.toString("utf8"));
      if (result.ok) result.value.body.html = "POISON";
      return [key, Buffer.from(serializeResult(result))] as const;
    });
    await writePack(packOf(root), poisoned);
    const same = await renderAll(sources, contextFor(), { cacheDir: cacheOf(root), threads: 1, fingerprint: "old" });
    expect(same.rendered.map((r) => r.body.html)).toEqual(rendered.map(() => "POISON"));
    const upgraded = await renderAll(sources, contextFor(), { cacheDir: cacheOf(root), threads: 1, fingerprint: "new" });
    expect(upgraded.rendered.map((r) => r.body.html)).toEqual(rendered.map((r) => r.body.html));
    // Entries of the old fingerprint were not used by the last build, so they are gone.
    expect([...(await readPack(packOf(root))).entries.keys()].sort()).not.toEqual(poisoned.map(([k]) => k).sort());
  });
});

function contextFor(): RenderContext {
  return { components: ["pacemaker", "corosync", "heartbeat", "drbd", "drbd-mc", "resource-agents", "cluster-glue", "rgmanager", "python-gui", "hawk", "pacemaker-cloud", "linux-ha", "stonith"], languages: ["en", "ja"], defaultLang: "ja", basePath: "/" };
}

describe("a damaged cache never gives wrong output or a crash", () => {
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
    ["a valid checksum over invalid JSON", (pack) => pack],
    ["empty", () => Buffer.alloc(0)],
  ];

  for (const [name, damage] of damages) {
    it(name, async () => {
      const root = await site();
      const reference = await outputOf(root, { threads: 1 });
      await outputOf(root, { threads: 1, cacheDir: cacheOf(root) });
      if (name.startsWith("a valid checksum")) {
        const { entries } = await readPack(packOf(root));
        await writePack(packOf(root), [...entries.keys()].map((key) => [key, Buffer.from("{\"ok\":true,\"value\":")] as const));
      } else {
        await writeFile(packOf(root), damage(await readFile(packOf(root))));
      }
      const damaged = await outputOf(root, { threads: 1, cacheDir: cacheOf(root) });
      expect(changedPaths(reference, damaged)).toEqual([]);
      // The damage is repaired: the pack is whole again and serves the next build.
      const repaired = await readPack(packOf(root));
      expect(repaired.damaged).toBe(false);
      expect(repaired.entries.size).toBe((await readSources(root)).length);
      expect(changedPaths(reference, await outputOf(root, { threads: 1, cacheDir: cacheOf(root) }))).toEqual([]);
    });
  }
});

describe("cached failures and pruning", () => {
  it("a cached error reports the same located message", async () => {
    const root = await site();
    await edit(await firstIssue(root), (t) => t.replace(/^title: .*$/m, "title: 42"));
    const sources = await readSources(root);
    const fresh = await renderAll(sources, contextFor(), { cacheDir: cacheOf(root), threads: 1 });
    const cached = await renderAll(sources, contextFor(), { cacheDir: cacheOf(root), threads: 1 });
    expect(fresh.messages.length).toBeGreaterThan(0);
    const located = (m: (typeof fresh.messages)[number]) => ({ file: m.file, line: m.line, column: m.column, reason: m.reason, ruleId: m.ruleId, source: m.source, fatal: m.fatal, text: formatDiagnostic(m) });
    expect(cached.messages.map(located)).toEqual(fresh.messages.map(located));
    expect(cached.messages[0]?.file).toMatch(/^content\/issues\//);
    expect(cached.messages[0]?.line).toBeGreaterThan(1);
    // And it really came from the cache: the pack holds the failure.
    const stored = [...(await readPack(packOf(root))).entries.values()].map((p) => deserializeResult(p.toString("utf8")));
    expect(stored.filter((r) => !r.ok)).toHaveLength(1);
  });

  it("entries of deleted sources are pruned; --no-cache writes nothing", async () => {
    const root = await site();
    await outputOf(root, { threads: 1, cacheDir: cacheOf(root) });
    const count = (await readSources(root)).length;
    expect((await readPack(packOf(root))).entries.size).toBe(count);
    await rm(await firstIssue(root));
    await outputOf(root, { threads: 1, cacheDir: cacheOf(root) });
    expect((await readPack(packOf(root))).entries.size).toBe(count - 1);

    const other = await site();
    await outputOf(other, { threads: 1 });
    await expect(readdir(join(other, ".gekkan"))).rejects.toThrow(/ENOENT/);
  });
});
