/**
 * Builds the repository's own sample site (content/ + gekkan.config.json)
 * once per test file into a temp dir, with base path /gekkan/ and the
 * Pagefind index, exactly as `gekkan build --base /gekkan/` would.
 */
import { cp, readdir, readFile } from "node:fs/promises";
import { tempDir, type TempDir } from "./temp-site.js";
import { join, relative, resolve } from "node:path";
import { buildSite } from "../../src/pipeline/build-site.js";
import type { Generated } from "../../src/pipeline/generate.js";

export const REPO_ROOT = resolve(import.meta.dirname, "..", "..");
export const BASE = "/gekkan/";
/** The sample config's `url` plus the base path: every absolute URL starts here. */
export const SITE_URL = "https://gekkan.example/gekkan/";

export interface SampleSite {
  out: string;
  result: Generated;
  /** Every generated HTML page, relative to `out` with forward slashes (Pagefind's own files and the emails excluded). */
  htmlFiles: string[];
  read(path: string): Promise<string>;
  remove(): Promise<void>;
}

export async function buildSampleSite(options: { now?: Date } = {}): Promise<SampleSite> {
  const tmp = tempDir("sample-");
  const out = join(tmp.path, "site");
  const built = await buildSite({ root: REPO_ROOT, out, base: BASE, threads: 0, ...(options.now ? { now: options.now } : {}) });
  if (built.upToDate) throw new Error("test bug: an uncached build cannot be up to date");
  const result = built.generated;
  const htmlFiles = (await readdir(out, { recursive: true }))
    .map((p) => p.split("\\").join("/"))
    // Pages only: an issue's email.html is a message, not a page of the site (test/email/ checks it).
    .filter((p) => p.endsWith(".html") && !p.startsWith("pagefind/") && !p.endsWith("/email.html"))
    .sort();
  return {
    out,
    result,
    htmlFiles,
    read: (path) => readFile(join(out, path), "utf8"),
    remove: async () => tmp.remove(),
  };
}

/** 'issues/2011-04/index.html' → 'issues/2011-04/' ; '404.html' → '404.html'. */
export function routeOf(file: string): string {
  return file.endsWith("index.html") ? file.slice(0, -"index.html".length) : file;
}

export function relativeTo(out: string, file: string): string {
  return relative(out, file).split("\\").join("/");
}

export interface PhoneSite {
  tmp: TempDir;
  out: string;
  /** The site's HTML pages, relative to `out`, sorted (Pagefind's own files left out). */
  pages: string[];
}

/**
 * A copy of the sample site (content/, public/, the config), changed by
 * `prepare` (given its root), built at "/" in-process into a temp dir: for
 * the browser tests that open every page of a site with hard cases added.
 */
export async function buildSampleCopy(prefix: string, prepare: (root: string) => Promise<void>): Promise<PhoneSite> {
  const tmp = tempDir(prefix);
  const root = join(tmp.path, "site");
  for (const part of ["content", "public", "gekkan.config.json"]) await cp(join(REPO_ROOT, part), join(root, part), { recursive: true });
  await prepare(root);
  const out = join(tmp.path, "out");
  await buildSite({ root, out, base: "/", threads: 0, now: new Date("2026-01-01T00:00:00Z") });
  const pages = (await readdir(out, { recursive: true })).map(String).filter((p) => p.endsWith(".html") && !p.startsWith("pagefind/")).sort();
  return { tmp, out, pages };
}
