import { readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { generate } from '../../src/build.js';
import { CLIENT_TAG } from '../../src/dev/client-script.js';
import { copyFixture, memoryIo, openSse, rawGet, type SseReader } from './support.js';

const APRIL = 'content/issues/2011/2011-04.md';
const MAY = 'content/issues/2011/2011-05.md';

let site: { root: string; remove: () => Promise<void> };
let server: DevServer;
let events: SseReader;
const io = memoryIo();

const page = async (path: string) => {
  const res = await fetch(new URL(path, server.url));
  return { status: res.status, text: await res.text() };
};
const edit = async (file: string, change: (text: string) => string) => {
  const path = join(site.root, file);
  await writeFile(path, change(await readFile(path, 'utf8')));
};

beforeAll(async () => {
  site = await copyFixture('dev-site');
  server = await startDevServer({ root: site.root, port: 0, io, debounceMs: 60 });
  events = await openSse(new URL('/__gekkan/events', server.url).href);
});

afterAll(async () => {
  events?.close();
  await server?.close();
  await site?.remove();
});

describe('gekkan dev server', () => {
  it('listens on 127.0.0.1 only by default, with base path "/" whatever the config says', async () => {
    expect(server.address).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await page('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('href="/issues/2011-04/"');
    expect(home.text).not.toContain('/sub/');
  });

  it('shows drafts by default, with their badge', async () => {
    const draft = await page('/issues/2011-06/');
    expect(draft.status).toBe(200);
    expect(draft.text).toContain('badge-draft');
  });

  it('injects the live-reload client into served HTML only, never into built output', async () => {
    expect((await page('/issues/2011-04/')).text).toContain(CLIENT_TAG);
    expect((await page('/no-such-page/')).text).toContain(CLIENT_TAG);
    const client = await page('/__gekkan/client.js');
    expect(client.status).toBe(200);
    expect(client.text).toContain('EventSource');
    expect(await page('/feed.xml').then((r) => r.text)).not.toContain('__gekkan');
    const built = await generate({ root: site.root, drafts: true, future: true, search: false });
    for (const path of built.output.paths()) expect(built.output.text(path) ?? '').not.toContain('__gekkan');
  });

  it('re-renders only the edited issue, serves the change and sends one reload event', async () => {
    await edit(APRIL, (t) => t.replace('The first paragraph says hello.', 'The first paragraph now says goodbye.'));
    const reload = await events.next('reload');
    const data = JSON.parse(reload.data) as { paths: string[] };
    expect(data.paths).toContain('issues/2011-04/index.html');
    expect(data.paths).not.toContain('assets/style.css');
    expect((await page('/issues/2011-04/')).text).toContain('now says goodbye');
    const last = server.last();
    expect(last?.ok && last.stats).toEqual({ rendered: 1, reused: 2 });
  });

  it('turns an editor save (temp file, several writes, rename) into one rebuild', async () => {
    const before = io.lines.filter((l) => l.includes('rebuilt')).length;
    const path = join(site.root, MAY);
    const temp = join(site.root, 'content/issues/2011/.2011-05.md.swp');
    const text = await readFile(path, 'utf8');
    await writeFile(temp, text.replace('short recap', 'short'));
    await writeFile(temp, text.replace('short recap', 'short and sweet'));
    await writeFile(temp, text.replace('short recap', 'short and sweet recap'));
    await rename(temp, path);
    await events.next('reload');
    await server.idle();
    expect((await page('/issues/2011-05/')).text).toContain('short and sweet recap');
    expect(io.lines.filter((l) => l.includes('rebuilt')).length).toBe(before + 1);
  });

  it('keeps serving the last good build on a broken edit and reports where it broke', async () => {
    await edit(APRIL, (t) => t.replace('date: 2011-04-01', 'date: 2011-04-31'));
    const error = await events.next('error');
    const { messages } = JSON.parse(error.data) as { messages: Array<{ file: string; line: number; column: number; message: string; excerpt: string }> };
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ file: APRIL, line: 4, column: 7 });
    expect(messages[0]?.message).toMatch(/date/);
    expect(messages[0]?.excerpt).toContain('> 4 | date: 2011-04-31');
    expect(io.lines).toContain(`${APRIL}:4:7  ${messages[0]?.message}`);
    const served = await page('/issues/2011-04/');
    expect(served.status).toBe(200);
    expect(served.text).toContain('now says goodbye');
  });

  it('replays the current error to pages that connect while the site is broken', async () => {
    const late = await openSse(new URL('/__gekkan/events', server.url).href);
    try {
      const error = await late.next('error');
      expect(error.data).toContain(APRIL);
    } finally {
      late.close();
    }
  });

  it('recovers when the edit is fixed: a full reload event, new text served', async () => {
    await edit(APRIL, (t) => t.replace('date: 2011-04-31', 'date: 2011-04-01').replace('goodbye', 'hello again'));
    const reload = await events.next('reload');
    expect(JSON.parse(reload.data)).toEqual({ paths: null });
    expect((await page('/issues/2011-04/')).text).toContain('hello again');
  });

  it('swaps stylesheets without a reload when only CSS changed', async () => {
    await mkdir(join(site.root, 'templates/assets'), { recursive: true });
    const builtin = await readFile('templates/assets/style.css', 'utf8');
    await writeFile(join(site.root, 'templates/assets/style.css'), `${builtin}\n.dev-test { color: red; }\n`);
    const css = await events.next('css');
    const { hrefs } = JSON.parse(css.data) as { hrefs: string[] };
    expect(hrefs).toHaveLength(1);
    expect(hrefs[0]).toMatch(/^\/assets\/style\.css\?v=[0-9a-f]{10}$/);
    expect((await page('/issues/2011-04/')).text).toContain(`href="${hrefs[0]}"`);
    expect((await page('/assets/style.css')).text).toContain('.dev-test');
    expect(events.pending().filter((e) => e.event === 'reload')).toEqual([]);
  });

  it('adds a new issue and removes a deleted one from every page', async () => {
    await writeFile(join(site.root, 'content/issues/2011/2011-07.md'), '---\ntitle: "July notes"\nissue: 4\ndate: 2011-07-01\nlang: en\n---\n\nJuly.\n');
    await events.next('reload');
    expect((await page('/issues/2011-07/')).status).toBe(200);
    expect((await page('/')).text).toContain('July notes');

    await rm(join(site.root, MAY));
    const reload = await events.next('reload');
    expect((JSON.parse(reload.data) as { paths: string[] }).paths).toContain('issues/2011-05/index.html');
    expect((await page('/issues/2011-05/')).status).toBe(404);
    for (const path of ['/', '/archive/', '/archive/2011/']) expect((await page(path)).text).not.toContain('May notes');
  });

  it('follows a renamed issue file to its new URL', async () => {
    const from = join(site.root, 'content/issues/2011/2011-07.md');
    const text = await readFile(from, 'utf8');
    await rm(from);
    await writeFile(join(site.root, 'content/issues/2011/july-special.md'), text.replace('date: 2011-07-01', 'date: 2011-07-01\nslug: july-special'));
    await events.next('reload');
    await server.idle();
    expect((await page('/issues/2011-07/')).status).toBe(404);
    expect((await page('/issues/july-special/')).text).toContain('July notes');
  });

  it('starts the issue cache over when the config changes', async () => {
    await edit('gekkan.config.json', (t) => t.replace('"Dev fixture"', '"Dev fixture renamed"'));
    await events.next('reload');
    expect((await page('/')).text).toContain('Dev fixture renamed');
    const last = server.last();
    expect(last?.ok && last.stats).toEqual({ rendered: 3, reused: 0 });
  });

  it('redirects a directory without its slash, like a static host', async () => {
    const res = await fetch(new URL('/archive', server.url), { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/archive/');
  });

  it.each([
    '/../gekkan.config.json',
    '/%2e%2e/gekkan.config.json',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/issues/..%2f..%2fgekkan.config.json',
    '/%5c..%5cgekkan.config.json',
    '/issues%5c..%5c..%5cgekkan.config.json',
    '//etc/passwd',
    '/C:/Windows/win.ini',
    '/etc/passwd',
    '/index.html%00.css',
    '/%00',
    '/content/issues/2011/2011-04.md',
    'http://127.0.0.1/../gekkan.config.json',
  ])('answers 404 to %s', async (path) => {
    const res = await rawGet(server.url, path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('"title"');
    expect(res.body).not.toContain('root:');
  });
});

describe('port selection', () => {
  let blocker: Server;
  let other: DevServer | undefined;
  let copy: { root: string; remove: () => Promise<void> };

  beforeAll(async () => {
    copy = await copyFixture('dev-site');
    blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', () => ok()));
  });

  afterAll(async () => {
    await other?.close();
    await new Promise<void>((ok) => blocker.close(() => ok()));
    await copy.remove();
  });

  it('moves to the next free port when the requested one is busy', async () => {
    const busy = (blocker.address() as { port: number }).port;
    other = await startDevServer({ root: copy.root, port: busy, io: memoryIo() });
    expect(other.moved).toBe(true);
    expect(other.port).toBeGreaterThan(busy);
    expect((await fetch(other.url)).status).toBe(200);
  });
});
