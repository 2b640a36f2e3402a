import { readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { generate } from '../../src/pipeline/generate.js';
import { main } from '../../src/cli.js';
import { CLIENT_TAG_PATTERN, copyFixture, memoryIo, openSse, rawGet, type SseReader } from '../helpers/dev-server.js';
import { byTag, parseHtml, textContent } from '../helpers/html.js';

const APRIL = 'content/issues/2011/2011-04.md';
const MAY = 'content/issues/2011/2011-05.md';

interface Dev {
  root: string;
  server: DevServer;
  events: SseReader;
  io: ReturnType<typeof memoryIo>;
  page: (path: string) => Promise<{ status: number; text: string }>;
  edit: (file: string, change: (text: string) => string) => Promise<void>;
}

/** Each test gets its own copy of the fixture and its own server, so any test runs alone. */
async function withDev(test: (dev: Dev) => Promise<void>): Promise<void> {
  const site = await copyFixture('dev-site');
  const io = memoryIo();
  const server = await startDevServer({ root: site.root, port: 0, io, debounceMs: 60 });
  const events = await openSse(new URL('/__gekkan/events', server.url).href);
  const page = async (path: string) => {
    const res = await fetch(new URL(path, server.url));
    return { status: res.status, text: await res.text() };
  };
  const edit = async (file: string, change: (text: string) => string) => {
    const path = join(site.root, file);
    const before = await readFile(path, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`test bug: edit of ${file} changed nothing`);
    await writeFile(path, after);
  };
  try {
    await test({ root: site.root, server, events, io, page, edit });
  } finally {
    events.close();
    await server.close();
    await site.remove();
  }
}

const breakApril = (dev: Dev) => dev.edit(APRIL, (t) => t.replace('date: 2011-04-01', 'date: 2011-04-31'));

describe('gekkan dev server', () => {
  it('listens on 127.0.0.1 only by default, with base path "/" whatever the config says', () => withDev(async ({ server, page }) => {
    expect(server.address).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await page('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('href="/issues/2011-04/"');
    // Links are written for "/"; only absolute URLs name the published site, base path included.
    expect(home.text).not.toMatch(/(href|src)="\/sub\//);
    expect(home.text).toContain('<link rel="canonical" href="https://dev.example/sub/">');
  }));

  it('shows drafts by default, with their badge', () => withDev(async ({ page }) => {
    const draft = await page('/issues/2011-06/');
    expect(draft.status).toBe(200);
    expect(draft.text).toContain('badge-draft');
  }));

  it('injects the live-reload client into served HTML only, never into built output', () => withDev(async ({ root, page }) => {
    expect((await page('/issues/2011-04/')).text).toMatch(CLIENT_TAG_PATTERN);
    expect((await page('/no-such-page/')).text).toMatch(CLIENT_TAG_PATTERN);
    const client = await page('/__gekkan/client.js');
    expect(client.status).toBe(200);
    expect(client.text).toContain('EventSource');
    expect(await page('/feed.xml').then((r) => r.text)).not.toContain('__gekkan');
    const built = await generate({ root, drafts: true, future: true, search: false });
    for (const path of built.output.paths()) expect(built.output.text(path) ?? '').not.toContain('__gekkan');
  }));

  it('re-renders only the edited issue, serves the change and sends one reload event', () => withDev(async ({ server, events, page, edit }) => {
    await edit(APRIL, (t) => t.replace('The first paragraph says hello.', 'The first paragraph now says goodbye.'));
    const reload = await events.next('reload');
    const data = JSON.parse(reload.data) as { paths: string[] };
    expect(data.paths).toContain('issues/2011-04/index.html');
    expect(data.paths).not.toContain('assets/style.css');
    expect((await page('/issues/2011-04/')).text).toContain('now says goodbye');
    const last = server.last();
    expect(last?.ok && last.stats).toEqual({ rendered: 1, reused: 2 });
  }));

  it('turns an editor save (temp file, several writes, rename) into one rebuild', () => withDev(async ({ root, server, events, io, page }) => {
    const before = io.lines.filter((l) => l.includes('rebuilt')).length;
    const path = join(root, MAY);
    const temp = join(root, 'content/issues/2011/.2011-05.md.swp');
    const text = await readFile(path, 'utf8');
    await writeFile(temp, text.replace('short recap', 'short'));
    await writeFile(temp, text.replace('short recap', 'short and sweet'));
    await writeFile(temp, text.replace('short recap', 'short and sweet recap'));
    await rename(temp, path);
    await events.next('reload');
    await server.idle();
    expect((await page('/issues/2011-05/')).text).toContain('short and sweet recap');
    expect(io.lines.filter((l) => l.includes('rebuilt')).length).toBe(before + 1);
  }));

  it('keeps serving the last good build on a broken edit and reports where it broke', () => withDev(async (dev) => {
    await breakApril(dev);
    const error = await dev.events.next('error');
    const { messages } = JSON.parse(error.data) as { messages: Array<{ file: string; line: number; column: number; message: string; excerpt: string }> };
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ file: APRIL, line: 4, column: 7 });
    expect(messages[0]?.message).toMatch(/date/);
    expect(messages[0]?.excerpt).toContain('> 4 | date: 2011-04-31');
    expect(dev.io.lines).toContain(`${APRIL}:4:7  ${messages[0]?.message}`);
    const served = await dev.page('/issues/2011-04/');
    expect(served.status).toBe(200);
    expect(served.text).toContain('The first paragraph says hello.');
  }));

  it('replays the current error to pages that connect while the site is broken', () => withDev(async (dev) => {
    await breakApril(dev);
    await dev.events.next('error');
    const late = await openSse(new URL('/__gekkan/events', dev.server.url).href);
    try {
      const error = await late.next('error');
      expect(error.data).toContain(APRIL);
    } finally {
      late.close();
    }
  }));

  it('recovers when the edit is fixed: a full reload event, new text served', () => withDev(async (dev) => {
    await breakApril(dev);
    await dev.events.next('error');
    await dev.edit(APRIL, (t) => t.replace('date: 2011-04-31', 'date: 2011-04-01').replace('says hello', 'says hello again'));
    const reload = await dev.events.next('reload');
    expect(JSON.parse(reload.data)).toMatchObject({ paths: null });
    expect((await dev.page('/issues/2011-04/')).text).toContain('hello again');
  }));

  it('swaps stylesheets without a reload when only CSS changed', () => withDev(async ({ root, events, page }) => {
    await mkdir(join(root, 'templates/assets'), { recursive: true });
    const builtin = await readFile(resolve(import.meta.dirname, '../../templates/assets/style.css'), 'utf8');
    await writeFile(join(root, 'templates/assets/style.css'), `${builtin}\n.dev-test { color: red; }\n`);
    const css = await events.next('css');
    const { hrefs } = JSON.parse(css.data) as { hrefs: string[] };
    expect(hrefs).toHaveLength(1);
    expect(hrefs[0]).toMatch(/^\/assets\/style\.css\?v=[0-9a-f]{10}$/);
    expect((await page('/issues/2011-04/')).text).toContain(`href="${hrefs[0]}"`);
    expect((await page('/assets/style.css')).text).toContain('.dev-test');
    expect(events.pending().filter((e) => e.event === 'reload')).toEqual([]);
  }));

  it('adds a new issue and removes a deleted one from every page', () => withDev(async ({ root, events, page }) => {
    await writeFile(join(root, 'content/issues/2011/2011-07.md'), '---\ntitle: "July notes"\nissue: 4\ndate: 2011-07-01\nlang: en\n---\n\nJuly.\n');
    await events.next('reload');
    expect((await page('/issues/2011-07/')).status).toBe(200);
    expect((await page('/')).text).toContain('July notes');

    await rm(join(root, MAY));
    const reload = await events.next('reload');
    expect((JSON.parse(reload.data) as { paths: string[] }).paths).toContain('issues/2011-05/index.html');
    expect((await page('/issues/2011-05/')).status).toBe(404);
    for (const path of ['/', '/archive/', '/archive/2011/']) expect((await page(path)).text).not.toContain('May notes');
  }));

  it('follows a renamed issue file to its new URL', () => withDev(async ({ root, server, events, page }) => {
    const text = await readFile(join(root, MAY), 'utf8');
    await rm(join(root, MAY));
    await writeFile(join(root, 'content/issues/2011/may-special.md'), text.replace(/^date: (.*)$/m, 'date: $1\nslug: may-special'));
    await events.next('reload');
    await server.idle();
    expect((await page('/issues/2011-05/')).status).toBe(404);
    expect((await page('/issues/may-special/')).text).toContain('May notes');
  }));

  it('starts the issue cache over when the config changes', () => withDev(async ({ server, events, page, edit }) => {
    await edit('gekkan.config.json', (t) => t.replace('"Dev fixture"', '"Dev fixture renamed"'));
    await events.next('reload');
    expect((await page('/')).text).toContain('Dev fixture renamed');
    const last = server.last();
    expect(last?.ok && last.stats).toEqual({ rendered: 3, reused: 0 });
  }));

  it('answers HEAD for the event stream and ends it, not counted as an open page', () => withDev(async ({ server }) => {
    const pages = server.clients();
    const { hostname, port } = new URL(server.url);
    const answer = await new Promise<{ status: number; type: string | undefined }>((ok, fail) => {
      const req = request({ host: hostname, port, path: '/__gekkan/events', method: 'HEAD' }, (res) => {
        res.resume();
        res.on('end', () => ok({ status: res.statusCode ?? 0, type: res.headers['content-type'] }));
      });
      req.setTimeout(3000, () => req.destroy(new Error('HEAD /__gekkan/events did not end within 3 s')));
      req.on('error', fail);
      req.end();
    });
    expect(answer).toEqual({ status: 200, type: 'text/event-stream; charset=utf-8' });
    expect(server.clients()).toBe(pages);
  }));

  it('redirects a directory without its slash, like a static host', () => withDev(async ({ server }) => {
    const res = await fetch(new URL('/archive', server.url), { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/archive/');
  }));

  it('answers 404 to every path outside the output', () => withDev(async ({ server }) => {
    for (const path of [
      '/../gekkan.config.json', '/%2e%2e/gekkan.config.json', '/%2E%2E/%2E%2E/etc/passwd', '/issues/..%2f..%2fgekkan.config.json',
      '/%5c..%5cgekkan.config.json', '/issues%5c..%5c..%5cgekkan.config.json', '//etc/passwd', '/C:/Windows/win.ini', '/etc/passwd',
      '/index.html%00.css', '/%00', '/content/issues/2011/2011-04.md', 'http://127.0.0.1/../gekkan.config.json',
    ]) {
      const res = await rawGet(server.url, path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('"title"');
      expect(res.body).not.toContain('root:');
    }
  }));

  // Oracle: /issues/2011-04/ is a page of the fixture; the same path with its slash encoded is no path of a static host.
  it('answers 404 to a path with an encoded slash or backslash, as a static host does, not the page it decodes to', () => withDev(async ({ server }) => {
    expect((await rawGet(server.url, '/issues/2011-04/')).status).toBe(200);
    for (const path of ['/issues%2F2011-04/', '/issues%2f2011-04/', '/issues/2011-04%2Findex.html', '/issues%5C2011-04/', '/issues%5c2011-04/index.html']) {
      const res = await rawGet(server.url, path);
      expect(res.status, path).toBe(404);
    }
  }));

  // Oracle: the fixture's April with its date line (line 4, value at column 7) written here by hand, and what HTML escaping makes of it.
  it('before the first good build, serves the errors in the page itself, escaped, not only in the overlay', async () => {
    const site = await copyFixture('dev-site');
    const file = join(site.root, APRIL);
    await writeFile(file, (await readFile(file, 'utf8')).replace('date: 2011-04-01', 'date: "<script>alert(1)</script>"'));
    const server = await startDevServer({ root: site.root, port: 0, io: memoryIo(), debounceMs: 60 });
    try {
      const res = await rawGet(server.url, '/');
      expect(res.status).toBe(500);
      const main = /<main>[\s\S]*<\/main>/.exec(res.body)?.[0] ?? '';
      expect(main).toContain(`<code>${APRIL}:4:7</code>`);
      expect(main).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(main).not.toContain('<script');
      // Read as a browser reads it: the message says what was written, tags and all.
      const text = textContent(byTag(parseHtml(res.body), 'main')[0]!);
      expect(text).toContain(`${APRIL}:4:7`);
      expect(text).toMatch(/date.*"<script>alert\(1\)<\/script>"/);
      // The overlay still comes with it.
      expect(res.body).toMatch(CLIENT_TAG_PATTERN);
    } finally {
      await server.close();
      await site.remove();
    }
  });
});

/** A GET with chosen headers, as a page on another site (or a rebinding DNS name) would send it. */
const getWith = (url: string, headers: Record<string, string>) => rawGet(url, '/issues/2011-06/', headers);

describe('exposure: who may talk to the dev server', () => {
  it('answers only its own host names: a rebinding name or a foreign Origin gets 421, never a draft', () => withDev(async ({ server }) => {
    const port = new URL(server.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `app.localhost:${port}`]) expect((await getWith(server.url, { Host: host })).status, host).toBe(200);
    for (const host of [`attacker.example:${port}`, `127.0.0.1.nip.io:${port}`, `localhost.attacker.example:${port}`]) {
      const res = await getWith(server.url, { Host: host });
      expect(res.status, host).toBe(421);
      expect(res.body).not.toContain('badge-draft');
    }
    expect((await getWith(server.url, { Host: `127.0.0.1:${port}`, Origin: 'https://attacker.example' })).status).toBe(421);
    expect((await getWith(server.url, { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  }));

  it.each([[''], ['0']])('--host %j is a usage error, not "every interface"', async (host) => {
    const io = memoryIo();
    expect(await main(['dev', '--host', host, '--port', '0'], io)).toBe(2);
    expect(io.lines.join('\n')).toContain('--host needs an interface address');
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
