import { describe, expect, it } from 'vitest';
import { ClosedError, holdGate } from '../../src/dev/hold-gate.js';
import { createSearchRebuilder } from '../../src/dev/search.js';
import type { SearchPage } from '../../src/site/search-index.js';
import { memoryIo } from '../helpers/dev-server.js';

/** Enough pages for several groups sent to Pagefind, so an index can be held between them. */
function pages(count: number): SearchPage[] {
  return Array.from({ length: count }, (_, i) => ({
    url: `/issues/${i + 1}/`,
    number: i + 1,
    html: `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main data-pagefind-body><h1>Issue ${i + 1}</h1><p>fencing word${i} pacemaker</p></main></body></html>`,
  }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const turns = async (count: number) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('the hold gate the dev search index waits at', () => {
  it('lets indexing on at once when nothing holds it', async () => {
    await expect(holdGate(60_000).pace()).resolves.toBeUndefined();
  });

  it('keeps indexing waiting while held; closing wakes it and abandons the index', async () => {
    const gate = holdGate(10 * 60_000);
    gate.hold();
    let settled = false;
    const waiting = gate.pace().finally(() => (settled = true));
    await turns(20);
    expect(settled).toBe(false);
    gate.close();
    // Held for ten minutes: only close's wake-up can settle it within the test's time.
    await expect(waiting).rejects.toBeInstanceOf(ClosedError);
    await expect(gate.pace()).rejects.toBeInstanceOf(ClosedError);
  });
});

describe('gekkan dev: the background search index yields to saves', () => {
  it('an index under way does not finish while saves keep coming, and finishes once they pause', async () => {
    const io = memoryIo();
    const searcher = createSearchRebuilder({ delayMs: 150, io });
    try {
      searcher.schedule(pages(120), 'en', 1000);
      // Saves every 50 ms for 2 s: each holds the index for another 150 ms.
      const until = performance.now() + 2000;
      while (performance.now() < until) {
        searcher.hold();
        await sleep(50);
        expect(searcher.builds()).toBe(0);
      }
      await searcher.idle();
      expect(searcher.builds()).toBe(1);
      expect(searcher.output()?.paths().some((path) => path.startsWith('pagefind/'))).toBe(true);
      expect(io.lines).toEqual([]);
    } finally {
      await searcher.close();
    }
  }, 60_000);

  it('closing while an index is held abandons it without reporting a failure', async () => {
    const io = memoryIo();
    const searcher = createSearchRebuilder({ delayMs: 50, io });
    searcher.schedule(pages(120), 'en', 1000);
    // The index starts after 50 ms and is held from its first group on.
    const until = performance.now() + 500;
    while (performance.now() < until) {
      searcher.hold();
      await sleep(20);
    }
    await searcher.close();
    expect(searcher.builds()).toBe(0);
    expect(searcher.output()).toBeUndefined();
    expect(io.lines).toEqual([]);
  }, 60_000);
});
