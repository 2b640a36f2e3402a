import { createHash } from "node:crypto";
import type { RenderAllFn } from "../build.js";
import { flattenResults, renderEach } from "../content/render-all.js";
import { createIssueRenderer, type RenderContext, type RenderIssueResult } from "../content/render-issue.js";

export interface RenderCacheStats {
  /** Issues rendered by the last call. */
  rendered: number;
  /** Issues whose earlier result was reused by the last call. */
  reused: number;
}

export interface RenderCache {
  renderAll: RenderAllFn;
  /** Renders one file with the last context and keeps the result for the next renderAll; undefined before any renderAll. */
  renderFile: (file: string, bytes: Uint8Array) => RenderIssueResult | undefined;
  /** Renders a file and throws the result away: warms the JIT for the first quick rebuild after start-up (which rendered on workers). */
  warm: (file: string, bytes: Uint8Array) => void;
  /** What the last `renderAll` call did; tests and the terminal report use it. */
  readonly stats: RenderCacheStats;
  clear: () => void;
}

interface Entry {
  hash: string;
  result: RenderIssueResult;
}

/**
 * In-memory per-issue results keyed by file and content hash, for the dev
 * server: a save re-renders only the file that changed. Results depend on
 * the context too (components, base path), so a new context starts over.
 */
export function createRenderCache(options: { cacheDir?: string | undefined } = {}): RenderCache {
  let contextKey = "";
  let render: ((file: string, bytes: Uint8Array) => RenderIssueResult) | undefined;
  let entries = new Map<string, Entry>();
  const stats: RenderCacheStats = { rendered: 0, reused: 0 };

  const renderAll: RenderAllFn = async (sources, context) => {
    const key = JSON.stringify(contextKeyOf(context));
    if (key !== contextKey || render === undefined) {
      contextKey = key;
      render = createIssueRenderer(context);
      entries = new Map();
    }
    stats.rendered = 0;
    stats.reused = 0;
    // Start-up (or a new context): everything is uncached here, so render the way a build does, on
    // worker threads and through the persistent cache, and keep each result for the edits that follow.
    if (entries.size === 0 && sources.length > 0) {
      const { results, messages } = await renderEach(sources, context, { cacheDir: options.cacheDir });
      sources.forEach((source, i) => entries.set(source.file, { hash: createHash("sha256").update(source.bytes).digest("hex"), result: results[i] as RenderIssueResult }));
      stats.rendered = sources.length;
      return flattenResults(results, messages);
    }
    const renderOne = render;
    const next = new Map<string, Entry>();
    const results = sources.map((source) => {
      const hash = createHash("sha256").update(source.bytes).digest("hex");
      let entry = entries.get(source.file);
      if (entry?.hash === hash) {
        stats.reused++;
      } else {
        entry = { hash, result: renderOne(source.file, source.bytes) };
        stats.rendered++;
      }
      next.set(source.file, entry);
      return entry.result;
    });
    // Deleted and renamed files drop out here.
    entries = next;
    return flattenResults(results);
  };

  const renderFile = (file: string, bytes: Uint8Array): RenderIssueResult | undefined => {
    if (render === undefined) return undefined;
    const hash = createHash("sha256").update(bytes).digest("hex");
    const known = entries.get(file);
    if (known?.hash === hash) return known.result;
    const entry = { hash, result: render(file, bytes) };
    entries.set(file, entry);
    return entry.result;
  };

  return {
    renderAll,
    renderFile,
    warm: (file, bytes) => {
      render?.(file, bytes);
    },
    stats,
    clear: () => {
      contextKey = "";
      render = undefined;
      entries = new Map();
    },
  };
}

function contextKeyOf(context: RenderContext): unknown[] {
  return [context.basePath, context.defaultLang, [...context.languages], [...context.components], context.limits ?? null];
}
