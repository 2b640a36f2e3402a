import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generate, type BuildOptions } from "../../src/build.js";
import { PageMemo } from "../../src/render/page-memo.js";
import { searchableHtml } from "../../src/site/search-index.js";
import { changedPaths, copySite, edit, NOW, outputOf } from "./site.js";

const sites: string[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

async function setup(): Promise<{ root: string; cacheDir: string; issue: string }> {
  const root = await copySite();
  sites.push(root);
  const dir = join(root, "content", "issues", "2011");
  const first = (await readdir(dir)).filter((name) => name.endsWith(".md")).sort()[0];
  if (first === undefined) throw new Error("test bug: the sample site has no issues");
  return { root, cacheDir: join(root, ".gekkan", "cache"), issue: join(dir, first) };
}

type Output = Map<string, Buffer>;

async function run(root: string, options: Partial<BuildOptions>, memo?: PageMemo): Promise<{ output: Output; rendered: number; reused: number }> {
  const generated = await generate({ root, now: NOW, search: false, threads: 1, ...options }, memo === undefined ? {} : { pageMemo: memo });
  const output = new Map(generated.output.entries().map(([path, content]) => [path, Buffer.from(content)]));
  return { output, rendered: generated.pageStats?.rendered ?? -1, reused: generated.pageStats?.reused ?? -1 };
}

/** The edits of the never-stale checks: each must change some page, and the memo must follow. */
const EDITS: Array<{ name: string; apply: (root: string, issue: string) => Promise<void> }> = [
  { name: "an issue", apply: (_root, issue) => edit(issue, (t) => `${t}\n\nOne more paragraph for the memo test.\n`) },
  { name: "a template", apply: (root) => edit(join(root, "templates", "issue.liquid"), (t) => t.replace('<div class="issue-body">', '<div class="issue-body memo-test">')) },
  { name: "a block partial", apply: async (root) => {
    const partials = (await readdir(join(root, "templates", "partials"))).filter((n) => n.startsWith("block-")).sort();
    for (const name of partials) await edit(join(root, "templates", "partials", name), (t) => `${t}<!-- memo -->`);
  } },
  { name: "a locale string", apply: (root) => edit(join(root, "templates", "locales", "ja.json"), (t) => t.replace('"archive": "バックナンバー"', '"archive": "過去の号"')) },
  { name: "the config title", apply: (root) => edit(join(root, "gekkan.config.json"), (t) => t.replace(/"title": "[^"]*"/, '"title": "memo test title"')) },
];

describe("page memo", () => {
  it("re-renders only the pages an issue edit affects (in memory, as in gekkan dev)", async () => {
    const { root, issue } = await setup();
    const memo = new PageMemo();
    const first = await run(root, {}, memo);
    expect(first.reused).toBe(0);
    const again = await run(root, {}, memo);
    expect(again.rendered).toBe(0);
    expect(again.reused).toBe(first.rendered);
    await edit(issue, (t) => `${t}\n\nA paragraph that only this issue's page shows.\n`);
    const edited = await run(root, {}, memo);
    // The issue's own page; its cards (reading time) may change on the index/archive/neighbour pages too, but never all pages.
    expect(edited.rendered).toBeGreaterThanOrEqual(1);
    expect(edited.rendered).toBeLessThan(first.rendered);
    expect(changedPaths(edited.output, await outputOf(root, { threads: 1 }))).toEqual([]);
  });

  for (const { name, apply } of EDITS) {
    it(`never serves stale HTML: after editing ${name}, memo builds equal an uncached build`, async () => {
      const { root, cacheDir, issue } = await setup();
      const memo = new PageMemo();
      const before = await run(root, {}, memo);
      await run(root, { cacheDir });
      await apply(root, issue);
      const clean = await outputOf(root, { threads: 1 });
      expect(changedPaths(before.output, clean).filter((p) => p.endsWith(".html")).length).toBeGreaterThan(0);
      // In memory (dev) and seeded from the previous build's snapshot (builds): byte for byte the clean output.
      expect(changedPaths((await run(root, {}, memo)).output, clean)).toEqual([]);
      expect(changedPaths((await run(root, { cacheDir })).output, clean)).toEqual([]);
    });
  }

  it("a build with one changed issue reuses the previous build's pages and matches a clean build", async () => {
    const { root, cacheDir, issue } = await setup();
    const first = await run(root, { cacheDir });
    expect(first.reused).toBe(0);
    await edit(issue, (t) => `${t}\n\nAnother paragraph.\n`);
    const second = await run(root, { cacheDir });
    expect(second.reused).toBeGreaterThan(0);
    expect(second.rendered).toBeLessThan(first.rendered);
    expect(changedPaths(second.output, await outputOf(root, { threads: 1 }))).toEqual([]);
    // A damaged page index is a miss, not an error.
    await rm(join(cacheDir, "output.pack"), { force: true });
    await edit(issue, (t) => `${t}\n\nYet another paragraph.\n`);
    const third = await run(root, { cacheDir });
    expect(third.reused).toBe(0);
    expect(changedPaths(third.output, await outputOf(root, { threads: 1 }))).toEqual([]);
  });

  it("indexes only the data-pagefind-body element of a page", () => {
    const page = '<!DOCTYPE html><html lang="ja"><head><title>x</title></head><body><nav>menu</nav><article class="issue" data-pagefind-body><h1>T</h1><p>本文</p></article><footer>f</footer></body></html>';
    const stripped = searchableHtml(page);
    expect(stripped).toContain('<html lang="ja">');
    expect(stripped).toContain("<h1>T</h1><p>本文</p></article>");
    expect(stripped).not.toContain("menu");
    expect(stripped).not.toContain("<footer>");
    // Nested elements of the same name: the whole page, unchanged (never a cut-off body).
    const nested = page.replace("<p>本文</p>", "<article><p>inner</p></article><p>after</p>");
    expect(searchableHtml(nested)).toBe(nested);
    expect(searchableHtml("<html><body>plain</body></html>")).toBe("<html><body>plain</body></html>");
  });
});
