import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Liquid } from "liquidjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MapStore } from "../../src/incremental/map-store.js";
import { memoOver, noMemo, type Memo } from "../../src/incremental/memo.js";
import type { Reuse } from "../../src/pipeline/reuse.js";
import { searchableHtml } from "../../src/site/search-index.js";
import { cachedOutputOf, changedPaths, copySite, edit, outputOf } from "../helpers/site-copy.js";
import type { TempDir } from "../helpers/temp-site.js";

const sites: TempDir[] = [];
afterEach(() => sites.splice(0).forEach((dir) => dir.remove()));

async function setup(): Promise<{ root: string; cacheDir: string; issue: string }> {
  const dir = await copySite();
  sites.push(dir);
  const issues = join(dir.path, "content", "issues", "2011");
  const first = (await readdir(issues)).filter((name) => name.endsWith(".md")).sort()[0];
  if (first === undefined) throw new Error("test bug: the sample site has no issues");
  return { root: dir.path, cacheDir: join(dir.path, ".gekkan", "cache"), issue: join(issues, first) };
}

/** Memos in memory, as `gekkan dev` keeps them, counting what had to be rendered. */
function memoryReuse(): { reuse: Reuse; rendered: () => number; reset: () => void } {
  const pages = new MapStore();
  let rendered = 0;
  const counted: Memo = (key, compute, options) => memoOver(pages)(key, () => {
    rendered++;
    return compute();
  }, options);
  return { reuse: { issues: memoOver(new MapStore()), pages: counted, search: noMemo }, rendered: () => rendered, reset: () => (rendered = 0) };
}

/** The edits of the never-stale checks: each must change some page, and the memo must follow. */
const EDITS: Array<[string, (root: string, issue: string) => Promise<void>]> = [
  ["an issue", (_root, issue) => edit(issue, (t) => `${t}\n\nOne more paragraph for the memo test.\n`)],
  ["a template", (root) => edit(join(root, "templates", "issue.liquid"), (t) => t.replace('<div class="issue-body">', '<div class="issue-body memo-test">'))],
  ["a block partial", async (root) => {
    const partials = (await readdir(join(root, "templates", "partials"))).filter((n) => n.startsWith("block-")).sort();
    for (const name of partials) await edit(join(root, "templates", "partials", name), (t) => `${t}<!-- memo -->`);
  }],
  ["a locale string", (root) => edit(join(root, "templates", "locales", "ja.json"), (t) => t.replace(/"archive": "[^"]*"/, '"archive": "過去の号"'))],
  ["the config title", (root) => edit(join(root, "gekkan.config.json"), (t) => t.replace(/"title": "[^"]*"/, '"title": "memo test title"'))],
];

describe("page memo", () => {
  it("re-renders only the pages an issue edit affects (in memory, as in gekkan dev)", async () => {
    const { root, issue } = await setup();
    const memo = memoryReuse();
    await outputOf(root, { threads: 1 }, memo.reuse);
    const first = memo.rendered();
    expect(first).toBeGreaterThan(10);
    memo.reset();
    // Counted where Liquid is called too: a page the memo cannot key would be rendered past it.
    const liquid = vi.spyOn(Liquid.prototype, "renderFileSync");
    await outputOf(root, { threads: 1 }, memo.reuse);
    expect(liquid).not.toHaveBeenCalled();
    liquid.mockRestore();
    expect(memo.rendered()).toBe(0);
    await edit(issue, (t) => `${t}\n\nA paragraph that only this issue's page shows.\n`);
    const edited = await outputOf(root, { threads: 1 }, memo.reuse);
    // The issue's page and body; its cards (reading time) may change on lists too, but never all pages.
    expect(memo.rendered()).toBeGreaterThanOrEqual(1);
    expect(memo.rendered()).toBeLessThan(first / 2);
    expect(changedPaths(edited, await outputOf(root, { threads: 1 }))).toEqual([]);
  });

  it.each(EDITS)("never serves stale HTML: after editing %s, memo builds equal an uncached build", async (_name, apply) => {
    const { root, cacheDir, issue } = await setup();
    const memo = memoryReuse();
    const before = await outputOf(root, { threads: 1 }, memo.reuse);
    await cachedOutputOf(root, cacheDir, { threads: 1 });
    await apply(root, issue);
    const clean = await outputOf(root, { threads: 1 });
    expect(changedPaths(before, clean).filter((p) => p.endsWith(".html")).length).toBeGreaterThan(0);
    // In memory (dev) and from the cache on disk (builds): byte for byte the clean output.
    expect(changedPaths(await outputOf(root, { threads: 1 }, memo.reuse), clean)).toEqual([]);
    expect(changedPaths((await cachedOutputOf(root, cacheDir, { threads: 1 })).output, clean)).toEqual([]);
  });

  it("a build with one changed issue reuses the previous build's pages and matches a clean build", async () => {
    const { root, cacheDir, issue } = await setup();
    const first = await cachedOutputOf(root, cacheDir, { threads: 1 });
    await edit(issue, (t) => `${t}\n\nAnother paragraph.\n`);
    const second = await cachedOutputOf(root, cacheDir, { threads: 1 });
    expect(second.computed.issues).toBe(1);
    expect(second.computed.pages).toBeLessThan(first.computed.pages / 2);
    expect(changedPaths(second.output, await outputOf(root, { threads: 1 }))).toEqual([]);
    // A lost page cache is a miss, not an error.
    await rm(join(cacheDir, "pages.pack"), { force: true });
    await edit(issue, (t) => `${t}\n\nYet another paragraph.\n`);
    const third = await cachedOutputOf(root, cacheDir, { threads: 1 });
    expect(third.computed.pages).toBe(first.computed.pages);
    expect(changedPaths(third.output, await outputOf(root, { threads: 1 }))).toEqual([]);
  });

  it("indexes only the data-pagefind-body element of a page", () => {
    const page = '<!DOCTYPE html><html lang="ja"><head><title>x</title></head><body><nav>menu</nav><article class="issue" data-pagefind-body><h1>T</h1><p>本文</p></article><footer>f</footer></body></html>';
    const stripped = searchableHtml(page);
    expect(stripped).toContain('<html lang="ja">');
    expect(stripped).toContain("<h1>T</h1><p>本文</p></article>");
    expect(stripped).not.toContain("menu");
    expect(stripped).not.toContain("<footer>");
    // The body's language goes in as the meta field the search page marks each result with: its own lang, else the page's.
    expect(stripped).toContain('<article data-pagefind-meta="lang:ja" class="issue" data-pagefind-body>');
    expect(searchableHtml(page.replace('class="issue"', 'class="issue" lang="en"'))).toContain('<article data-pagefind-meta="lang:en" class="issue" lang="en" data-pagefind-body>');
    // Nested elements of the same name: the whole page, unchanged (never a cut-off body).
    const nested = page.replace("<p>本文</p>", "<article><p>inner</p></article><p>after</p>");
    expect(searchableHtml(nested)).toBe(nested);
    expect(searchableHtml("<html><body>plain</body></html>")).toBe("<html><body>plain</body></html>");
  });
});
