/**
 * Builds the repository's own sample site (content/ + gekkan.config.json)
 * once per test file into a temp dir, with base path /gekkan/ and the
 * Pagefind index, exactly as `gekkan build --base /gekkan/` would.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { build, type BuildResult } from "../../src/build.js";

export const REPO_ROOT = resolve(import.meta.dirname, "..", "..");
export const BASE = "/gekkan/";
/** The sample config's `url` plus the base path: every absolute URL starts here. */
export const SITE_URL = "https://gekkan.example/gekkan/";

export interface SampleSite {
  out: string;
  result: BuildResult;
  /** Every generated HTML page, relative to `out` with forward slashes (Pagefind's own files and the emails excluded). */
  htmlFiles: string[];
  read(path: string): Promise<string>;
  remove(): Promise<void>;
}

export async function buildSampleSite(options: { now?: Date } = {}): Promise<SampleSite> {
  const tmp = await mkdtemp(join(tmpdir(), "gekkan-sample-"));
  const out = join(tmp, "site");
  const result = await build({ root: REPO_ROOT, out, base: BASE, threads: 0, ...(options.now ? { now: options.now } : {}) });
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
    remove: () => rm(tmp, { recursive: true, force: true }),
  };
}

/** 'issues/2011-04/index.html' → 'issues/2011-04/' ; '404.html' → '404.html'. */
export function routeOf(file: string): string {
  return file.endsWith("index.html") ? file.slice(0, -"index.html".length) : file;
}

export function relativeTo(out: string, file: string): string {
  return relative(out, file).split("\\").join("/");
}
