import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startDevServer } from '../../src/dev/dev-server.js';
import { copyFixture, memoryIo, openSse } from '../helpers/dev-server.js';

const pause = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

it('renaming an issue file is one rebuild, with no error in between, and the issue stays served', async () => {
  const site = await copyFixture('dev-site');
  const io = memoryIo();
  // The CLI's own debounce (the default): the two halves of a rename must meet in one batch without a longer one.
  const server = await startDevServer({ root: site.root, port: 0, io });
  const events = await openSse(new URL('/__gekkan/events', server.url).href);
  const rebuilds = () => io.lines.filter((line) => line.startsWith('gekkan dev: rebuilt'));
  try {
    renameSync(join(site.root, 'content/issues/2011/2011-04.md'), join(site.root, 'content/issues/2011/april.md'));
    while (rebuilds().length === 0) await pause(20);
    // The removal of the old name is what came late, as a second batch: time for it to come.
    await pause(1_000);
    await server.settled();
    expect(rebuilds(), io.lines.join('\n')).toHaveLength(1);
    // One issue moved to a new name: not "2 issues edited", nor one removed and one added.
    expect(rebuilds()[0]).toMatch(/^gekkan dev: rebuilt in \d+ ms \(1 issue renamed, \d+ pages? re-rendered\); \d+ files? changed$/);
    expect(events.pending().filter((event) => event.event === 'error')).toEqual([]);
    expect(events.pending().filter((event) => event.event === 'reload').length).toBeLessThanOrEqual(1);
    const page = await fetch(new URL('/issues/2011-04/', server.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('The first paragraph says hello.');
  } finally {
    events.close();
    await server.close();
    await site.remove();
  }
});
