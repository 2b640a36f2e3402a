import { describe, expect, it } from 'vitest';
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

describe('gekkan dev: the background search index yields to saves', () => {
  it('an index under way waits while saves keep coming, and finishes once they pause', async () => {
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
      const released = performance.now();
      await searcher.idle();
      expect(searcher.builds()).toBe(1);
      expect(performance.now() - released).toBeGreaterThanOrEqual(100);
      expect(searcher.output()?.paths().some((path) => path.startsWith('pagefind/'))).toBe(true);
      expect(io.lines).toEqual([]);
    } finally {
      await searcher.close();
    }
  }, 60_000);

  it('closing abandons a held index at once, without reporting it as a failure', async () => {
    const io = memoryIo();
    const searcher = createSearchRebuilder({ delayMs: 3000, io });
    searcher.schedule(pages(120), 'en', 1000);
    // Just before the index starts, a save holds it for another 3 s.
    await sleep(2900);
    searcher.hold();
    await sleep(300);
    const closing = performance.now();
    await searcher.close();
    expect(performance.now() - closing).toBeLessThan(1500);
    expect(searcher.builds()).toBe(0);
    expect(searcher.output()).toBeUndefined();
    expect(io.lines).toEqual([]);
  }, 60_000);
});
