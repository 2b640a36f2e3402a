import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/pipeline/generate.js';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { copyFixture, memoryIo, openSse, withoutClient, type SseReader } from '../helpers/dev-server.js';
import { editFile } from '../helpers/edit.js';

const APRIL = 'content/issues/2011/2011-04.md';

let site: { root: string; remove: () => Promise<void> };
let server: DevServer;
let events: SseReader;
const io = memoryIo();

const edit = (file: string, change: (text: string) => string) => editFile(join(site.root, file), change);
const fetchText = async (path: string) => {
  const res = await fetch(new URL(path, server.url));
  return { status: res.status, text: await res.text() };
};

beforeAll(async () => {
  site = await copyFixture('dev-site');
  // The fixture turns search off; this suite is about the background index.
  await edit('gekkan.config.json', (t) => t.replace('"search": false', '"search": true'));
  server = await startDevServer({ root: site.root, port: 0, io, debounceMs: 60, searchDelayMs: 200, catchUpDelayMs: 200 });
  events = await openSse(new URL('/__gekkan/events', server.url).href);
  await server.searchIdle();
}, 60_000);

afterAll(async () => {
  events?.close();
  await server?.close();
  await site?.remove();
});

describe('gekkan dev: page memo and background search', () => {
  it('builds the search index after start-up, in the background, and serves it', async () => {
    expect(server.searchBuilds()).toBe(1);
    expect((await fetchText('/pagefind/pagefind.js')).status).toBe(200);
    // Pages never wait for it: the built pages themselves carry no index files.
    const built = await generate({ root: site.root, drafts: true, future: true, serveAt: '/', search: false });
    expect(built.output.paths().some((p) => p.startsWith('pagefind/'))).toBe(false);
  });

  it('an issue edit re-renders only the pages it changes, and the reload goes out before the search rebuild', async () => {
    const total = (() => {
      const last = server.last();
      return last?.ok ? last.pages.rendered + last.pages.reused : 0;
    })();
    expect(total).toBeGreaterThan(5);
    const searchesBefore = server.searchBuilds();
    await edit(APRIL, (t) => t.replace('The first paragraph says hello.', 'The first paragraph says memo.'));
    const reload = await events.next('reload');
    await server.idle();
    // The reload has been sent and the rebuild is over, but the index has not been rebuilt yet: it is debounced behind the reload.
    expect(server.searchBuilds()).toBe(searchesBefore);
    const paths = (JSON.parse(reload.data) as { paths: string[] }).paths;
    expect(paths).toContain('issues/2011-04/index.html');
    expect(paths.some((p) => p.startsWith('pagefind/'))).toBe(false);
    const last = server.last();
    if (!last?.ok) throw new Error('rebuild failed');
    // The text is in no card or block, so this was a quick rebuild: the issue and its one page.
    expect(last.mode).toBe('quick');
    expect(last.stats).toEqual({ rendered: 1, reused: 2 });
    expect(last.pages.rendered).toBe(1);
    expect(last.pages.reused).toBe(total - 1);
    expect((await fetchText('/issues/2011-04/')).text).toContain('says memo');

    // The full rebuild that follows (feeds, lists) renders no page again.
    await server.settled();
    // The catch-up's own reload names the feeds it changed.
    expect((JSON.parse((await events.next('reload')).data) as { paths: string[] }).paths).toContain('feed.xml');
    const caughtUp = server.last();
    if (!caughtUp?.ok) throw new Error('catch-up failed');
    expect(caughtUp.mode).toBe('full');
    expect(caughtUp.stats).toEqual({ rendered: 0, reused: 3 });
    // The quick update rendered the page through the same page memo: the catch-up reuses it.
    expect(caughtUp.pages.rendered).toBe(0);
    await server.searchIdle();
    expect(server.searchBuilds()).toBe(searchesBefore + 1);
    expect((await fetchText('/pagefind/pagefind-entry.json')).status).toBe(200);
  });

  it('serves the same pages as a clean build after the edit', async () => {
    const clean = await generate({ root: site.root, drafts: true, future: true, serveAt: '/', search: false, now: new Date() });
    for (const path of clean.output.paths().filter((p) => p.endsWith('.html'))) {
      const served = await fetchText(`/${path.replace(/index\.html$/, '')}`);
      // The dev server injects its client script; everything else is the built page.
      expect(withoutClient(served.text)).toBe(clean.output.text(path));
    }
  });

  it('a template edit re-renders every page (the memo fingerprint changes)', async () => {
    await edit('gekkan.config.json', (t) => t.replace('"Dev fixture"', '"Dev fixture, memo"'));
    await events.next('reload');
    await server.idle();
    const last = server.last();
    if (!last?.ok) throw new Error('rebuild failed');
    expect(last.pages.reused).toBe(0);
    expect(last.pages.rendered).toBeGreaterThan(5);
  });
});
