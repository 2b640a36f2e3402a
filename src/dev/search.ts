import type { Io } from "../cli-support.js";
import type { SearchPage } from "../site/search-index.js";
import { OutputSet } from "../write/output.js";
import { MapStore } from "../incremental/map-store.js";
import { memoOver } from "../incremental/memo.js";
import { addSearchIndex } from "../pipeline/search.js";
import { ClosedError, holdGate } from "./hold-gate.js";

export interface SearchRebuilder {
  /** Asks for an index of `pages`; the latest request wins once edits pause. */
  schedule: (pages: readonly SearchPage[], language: string, shardSize: number) => void;
  /** A save is being rebuilt: an index under way waits until saves have paused for the delay. */
  hold: () => void;
  /** The pagefind/ files of the last finished index (paths include "pagefind/"), or undefined before the first. */
  output: () => OutputSet | undefined;
  idle: () => Promise<void>;
  builds: () => number;
  close: () => Promise<void>;
}

/**
 * The dev server's Pagefind index, rebuilt in the background after the
 * reload event has gone out: indexing thousands of pages takes seconds, and a
 * save must not wait for it. So search in `gekkan dev` may be a few seconds
 * behind the pages (stale results, or none right after start-up); a build
 * always indexes inline and is never stale. Requests are debounced, one
 * index is built at a time, and a request that arrives meanwhile is built next.
 * An index under way yields to saves (hold): on two cores, feeding Pagefind
 * beside a rebuild made the reload wait for it.
 */
export function createSearchRebuilder(options: { delayMs?: number | undefined; io: Io }): SearchRebuilder {
  const delayMs = options.delayMs ?? 1000;
  let current: OutputSet | undefined;
  // Unchanged index parts are reused across rebuilds, as a build reuses them from its cache.
  const parts = new MapStore();
  const memo = memoOver(parts);
  let wanted: { pages: readonly SearchPage[]; language: string; shardSize: number } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let builds = 0;
  let closed = false;
  let waiters: Array<() => void> = [];
  const gate = holdGate(delayMs);

  const settle = () => {
    if (timer !== undefined || running !== undefined || wanted !== undefined) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };

  const run = () => {
    timer = undefined;
    if (running !== undefined || wanted === undefined || closed) {
      settle();
      return;
    }
    const job = wanted;
    wanted = undefined;
    running = (async () => {
      try {
        const next = new OutputSet();
        await addSearchIndex(next, job.pages, job.language, job.shardSize, memo, gate.pace);
        parts.sweep();
        current = next;
        builds++;
      } catch (error) {
        if (error instanceof ClosedError) return;
        // Search is a convenience in dev: report and keep serving the last index.
        options.io.err(`gekkan dev: search index not rebuilt: ${(error as Error).message}`);
      }
    })().finally(() => {
      running = undefined;
      // A request that came in while indexing: build it now (it has already waited its delay).
      if (wanted !== undefined && !closed) run();
      else settle();
    });
  };

  return {
    schedule: (pages, language, shardSize) => {
      if (closed) return;
      wanted = { pages, language, shardSize };
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(run, delayMs);
    },
    hold: gate.hold,
    output: () => current,
    idle: () => new Promise<void>((resolve) => {
      waiters.push(resolve);
      settle();
    }),
    builds: () => builds,
    close: async () => {
      closed = true;
      gate.close();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      wanted = undefined;
      await running;
      settle();
    },
  };
}
