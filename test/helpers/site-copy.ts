import { cp } from "node:fs/promises";
import { expect } from "vitest";
import { join } from "node:path";
import { generate, type BuildOptions } from "../../src/pipeline/generate.js";
import { NO_REUSE, type Reuse } from "../../src/pipeline/reuse.js";
import { openPackMemos } from "../../src/incremental/pack-memos.js";
import { countingMemo, isNameList } from "./memo-store.js";
import { tempDir, type TempDir } from "./temp-site.js";

export const repo = join(import.meta.dirname, "..", "..");

/** A throwaway copy of the sample site with its own templates/ (so template and locale edits are possible). */
export async function copySite(): Promise<TempDir> {
  const dir = tempDir("site-");
  await cp(join(repo, "content"), join(dir.path, "content"), { recursive: true });
  await cp(join(repo, "templates"), join(dir.path, "templates"), { recursive: true });
  await cp(join(repo, "gekkan.config.json"), join(dir.path, "gekkan.config.json"));
  // The config names files in public/ (favicon, sharing image): the copy needs them.
  await cp(join(repo, "public"), join(dir.path, "public"), { recursive: true });
  return dir;
}

export const NOW = new Date("2030-01-01T00:00:00Z");

export type Output = Map<string, Buffer>;

/** The whole output as path → bytes. */
export async function outputOf(root: string, options: Partial<BuildOptions> = {}, reuse: Reuse = NO_REUSE): Promise<Output> {
  const { output } = await generate({ root, now: NOW, search: false, ...options }, reuse);
  return new Map(output.entries().map(([path, content]) => [path, Buffer.from(content)]));
}

/** How often each memo had to compute: counted here, around the memo, so a miss can never pass for a hit. */
export interface Computed {
  issues: number;
  pages: number;
  search: number;
}

/** generate() with the cache's memos, as `gekkan build` runs it: the output (or the error) and what was computed. */
export async function cachedAttempt(root: string, cacheDir: string, options: Partial<BuildOptions> = {}): Promise<{ output: Output | undefined; error: unknown; computed: Computed }> {
  const packs = await openPackMemos(cacheDir, ["issues", "pages", "search"] as const);
  const issues = countingMemo(packs.memos.issues);
  const pages = countingMemo(packs.memos.pages);
  // A search part's list of file names is stored beside it: only parts Pagefind made count.
  const search = countingMemo(packs.memos.search, (value) => !isNameList(value));
  const reuse: Reuse = { issues: issues.memo, pages: pages.memo, search: search.memo };
  const result = await outputOf(root, options, reuse).then((output) => ({ output, error: undefined }), (error: unknown) => ({ output: undefined, error }));
  expect(await packs.save()).toEqual([]);
  return { ...result, computed: { issues: issues.count(), pages: pages.count(), search: search.count() } };
}

export async function cachedOutputOf(root: string, cacheDir: string, options: Partial<BuildOptions> = {}): Promise<{ output: Output; computed: Computed }> {
  const attempt = await cachedAttempt(root, cacheDir, options);
  if (attempt.output === undefined) throw attempt.error;
  return { output: attempt.output, computed: attempt.computed };
}

export { editFile as edit } from "./edit.js";

/** Paths whose bytes differ (or exist on one side only). */
export function changedPaths(a: Output, b: Output): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => !(a.get(p)?.equals(b.get(p) ?? Buffer.alloc(0)) ?? false)).sort();
}
