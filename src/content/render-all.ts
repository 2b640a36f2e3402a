import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import { pipelineFingerprint } from "../cache/fingerprint.js";
import { RenderCache, cacheNamespace, renderKey } from "../cache/render-cache.js";
import { deserializeResult, serializeResult } from "../cache/serialize.js";
import type { SourceFile } from "./sources.js";
import type { RenderContext, RenderIssueResult, RenderedIssue } from "./render-issue.js";
import type { RenderTask } from "./render-worker.js";

export interface RenderAllResult {
  rendered: RenderedIssue[];
  messages: VFileMessage[];
}

export interface RenderAllOptions {
  /** Directory of the persistent render cache; absent = no cache (neither read nor written). */
  cacheDir?: string | undefined;
  /** Worker threads: 0 or 1 render in-process; absent = every core once enough issues are uncached. */
  threads?: number | undefined;
  /** Stands in for the pipeline code fingerprint (tests simulate an upgrade with it). */
  fingerprint?: string | undefined;
}

/**
 * Below this many uncached issues, starting workers (each loads the whole
 * unified stack, ~0.6 s) costs more than the parallel render saves. Measured
 * on 2 cores (bench corpus, --no-cache --no-search, 2026-11-26): 200 issues
 * 3.0 s in-process vs 3.4 s on 2 workers; 3,287 issues 23.0 s vs 21.5 s;
 * break-even near 1,000.
 */
export const WORKER_THRESHOLD = 1000;
const BATCHES_PER_THREAD = 4;
const MAX_BATCH = 200;

/**
 * Renders every source. Cached results come from the pack; the rest are
 * rendered in-process or on worker threads; callers see only
 * (sources, context) → results, in source order, whichever way they were made.
 */
export async function renderAll(sources: readonly SourceFile[], context: RenderContext, options: RenderAllOptions = {}): Promise<RenderAllResult> {
  const { results, messages } = await renderEach(sources, context, options);
  return flattenResults(results, messages);
}

/** Per-source results → the issues that rendered, and every message (appended to `messages`). */
export function flattenResults(results: readonly RenderIssueResult[], messages: VFileMessage[] = []): RenderAllResult {
  const rendered: RenderedIssue[] = [];
  for (const result of results) {
    if (result.ok) rendered.push(result.value);
    else messages.push(...result.messages);
  }
  return { rendered, messages };
}

/** renderAll's results one per source, in source order (the dev server keeps them per file); `messages` are the cache's own warnings. */
export async function renderEach(sources: readonly SourceFile[], context: RenderContext, options: RenderAllOptions = {}): Promise<{ results: RenderIssueResult[]; messages: VFileMessage[] }> {
  const messages: VFileMessage[] = [];
  const cache = options.cacheDir === undefined ? undefined : await openCache(options.cacheDir, messages);
  const namespace = cache ? cacheNamespace(context, options.fingerprint ?? pipelineFingerprint()) : "";
  const results: Array<RenderIssueResult | undefined> = new Array<RenderIssueResult | undefined>(sources.length);
  const keys: string[] = [];
  const todo: number[] = [];
  sources.forEach((source, i) => {
    if (cache) {
      const key = renderKey(namespace, source.file, source.bytes);
      keys[i] = key;
      const payload = cache.get(key);
      if (payload !== undefined) {
        try {
          results[i] = deserializeResult(payload.toString("utf8"));
          return;
        } catch {
          cache.reject(key);
        }
      }
    }
    todo.push(i);
  });

  const threads = threadCount(options.threads, todo.length);
  const fresh = threads > 1 ? await renderOnWorkers(sources, todo, context, threads) : await renderInProcess(sources, todo, context, cache !== undefined);
  todo.forEach((index, n) => {
    const { result, json } = fresh[n] as Fresh;
    results[index] = result;
    if (cache && json !== undefined) cache.set(keys[index] as string, Buffer.from(json, "utf8"));
  });
  if (cache) await saveCache(cache, options.cacheDir as string, messages);
  if (results.some((result) => result === undefined)) throw new Error("gekkan bug: a source was not rendered");
  return { results: results as RenderIssueResult[], messages };
}

interface Fresh {
  result: RenderIssueResult;
  /** The serialised result, when it is to be cached. */
  json: string | undefined;
}

/** `requested` wins when given; otherwise workers only pay off for a large uncached set on a multi-core machine. */
export function threadCount(requested: number | undefined, uncached: number): number {
  if (requested !== undefined) return Math.max(1, Math.floor(requested));
  if (uncached <= WORKER_THRESHOLD) return 1;
  return Math.max(1, availableParallelism());
}

async function renderInProcess(sources: readonly SourceFile[], todo: readonly number[], context: RenderContext, serialize: boolean): Promise<Fresh[]> {
  if (todo.length === 0) return [];
  // Loaded on demand: the unified/remark/rehype stack takes a good part of start-up, and a warm build never needs it.
  const { createIssueRenderer } = await import("./render-issue.js");
  const render = createIssueRenderer(context);
  return todo.map((i) => {
    const source = sources[i] as SourceFile;
    const result = render(source.file, source.bytes);
    return { result, json: serialize ? serializeResult(result) : undefined };
  });
}

async function renderOnWorkers(sources: readonly SourceFile[], todo: readonly number[], context: RenderContext, threads: number): Promise<Fresh[]> {
  const pool = new Piscina({ filename: workerFile(), name: "renderBatch", minThreads: threads, maxThreads: threads, idleTimeout: 0 });
  try {
    const size = Math.min(MAX_BATCH, Math.max(1, Math.ceil(todo.length / (threads * BATCHES_PER_THREAD))));
    const batches: number[][] = [];
    for (let at = 0; at < todo.length; at += size) batches.push(todo.slice(at, at + size));
    const outputs = await Promise.all(batches.map((batch) => {
      const task: RenderTask = { context: plainContext(context), files: batch.map((i) => (sources[i] as SourceFile).file), bytes: batch.map((i) => (sources[i] as SourceFile).bytes) };
      return pool.run(task) as Promise<string[]>;
    }));
    // Workers hand back JSON, so a worker-rendered result is exactly what a cache hit would give.
    return outputs.flat().map((json) => ({ result: deserializeResult(json), json }));
  } finally {
    await pool.destroy();
  }
}

/** Structured clone copies only plain data; the context may carry readonly arrays from the config. */
function plainContext(context: RenderContext): RenderContext {
  return { components: [...context.components], languages: [...context.languages], defaultLang: context.defaultLang, basePath: context.basePath };
}

/** The compiled worker next to this module; from src/ (tests run TypeScript) the compiled copy in lib/. */
function workerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const sibling = join(here, "render-worker.js");
  return existsSync(sibling) ? sibling : join(here, "..", "..", "lib", "content", "render-worker.js");
}

/** A cache that cannot be read is an empty cache: the build still succeeds, with a warning. */
async function openCache(dir: string, messages: VFileMessage[]): Promise<RenderCache | undefined> {
  try {
    return await RenderCache.open(dir);
  } catch (error) {
    messages.push(warning(dir, `render cache not used: ${(error as Error).message}`, undefined, "cache"));
    return undefined;
  }
}

async function saveCache(cache: RenderCache, dir: string, messages: VFileMessage[]): Promise<void> {
  try {
    await cache.save();
  } catch (error) {
    messages.push(warning(dir, `render cache not saved: ${(error as Error).message}`, undefined, "cache"));
  }
}
