/**
 * An issue dated tomorrow is "scheduled" in gekkan dev (a badge on its page
 * and its card) and published by the first build on its date. Left running
 * over midnight in the site's time zone, gekkan dev must show it published, with
 * no save and no restart. No day is waited for: only Date is faked (as
 * useBuildClock does), set a few seconds before midnight in Asia/Tokyo and
 * running on in real time, so timers, HTTP and the watcher are all real.
 * The oracle is the issue's date against the clock: the templates' badge
 * for an issue still to come, there before midnight and gone after.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { startDevServer } from '../../src/dev/dev-server.js';
import { memoryIo, openSse } from '../helpers/dev-server.js';
import { issue, tempSite } from '../helpers/temp-site.js';

// 2011-05-02 00:00 in Tokyo, 15:00 the day before in UTC: a UTC clock would turn nine hours late.
const MIDNIGHT_IN_TOKYO = Date.parse('2011-05-01T15:00:00Z');
const LEAD_MS = 6_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(MIDNIGHT_IN_TOKYO - LEAD_MS);
});
afterEach(() => vi.useRealTimers());

it("an issue dated tomorrow is published when the day begins in the site's time zone, without a save", async () => {
  const site = tempSite({
    'gekkan.config.json': JSON.stringify({ title: 'Day turn', url: 'https://example.org/', lang: 'en', authors: ['editors'], timeZone: 'Asia/Tokyo', search: false }),
    'content/issues/2011/2011-04.md': issue({ title: 'April notes', issue: 1, date: '2011-04-01', lang: 'en' }, 'Published.\n'),
    'content/issues/2011/2011-05.md': issue({ title: 'May notes', issue: 2, date: '2011-05-02', lang: 'en' }, 'Due on the second.\n'),
  });
  const io = memoryIo();
  const server = await startDevServer({ root: site.path, port: 0, io });
  const events = await openSse(new URL('/__gekkan/events', server.url).href);
  const text = async (path: string) => (await fetch(new URL(path, server.url))).text();
  try {
    expect(Date.now(), 'start-up took the whole lead: raise LEAD_MS').toBeLessThan(MIDNIGHT_IN_TOKYO);
    expect(await text('/issues/2011-05/')).toContain('badge-future');
    expect(await text('/')).toContain('badge-future');
    await events.next('reload', LEAD_MS + 20_000);
    expect(Date.now()).toBeGreaterThanOrEqual(MIDNIGHT_IN_TOKYO);
    await server.settled();
    expect(await text('/issues/2011-05/')).not.toContain('badge-future');
    expect(await text('/')).not.toContain('badge-future');
    expect(io.lines).toContain(io.lines.find((line) => /^gekkan dev: 2011-05-02 began \(Asia\/Tokyo\); rebuilt in \d+ ms; \d+ files? changed$/.test(line)));
  } finally {
    events.close();
    await server.close();
    site.remove();
  }
}, 60_000);
