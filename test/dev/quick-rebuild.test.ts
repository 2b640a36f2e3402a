import { readFile, writeFile } from 'node:fs/promises';
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
const served = async (path: string) => withoutClient(await (await fetch(new URL(path, server.url))).text());
const clean = () => generate({ root: site.root, drafts: true, future: true, serveAt: '/', search: false, now: new Date() });
const lastOk = () => {
  const last = server.last();
  if (!last?.ok) throw new Error('rebuild failed');
  return last;
};

beforeAll(async () => {
  site = await copyFixture('dev-site');
  // Long enough that the checks between the quick rebuild and the catch-up run inside it.
  server = await startDevServer({ root: site.root, port: 0, io, debounceMs: 30, catchUpDelayMs: 1500 });
  events = await openSse(new URL('/__gekkan/events', server.url).href);
}, 60_000);

afterAll(async () => {
  events?.close();
  await server?.close();
  await site?.remove();
});

describe('gekkan dev: quick rebuilds', () => {
  it('a body edit reloads its one page at once, with every page already equal to a clean build', async () => {
    await edit(APRIL, (t) => t.replace('The first paragraph says hello.', 'The first paragraph says quickly.'));
    const reload = await events.next('reload');
    expect((JSON.parse(reload.data) as { paths: string[] }).paths).toEqual(['issues/2011-04/index.html']);
    await server.idle();
    expect(lastOk().mode).toBe('quick');
    expect(io.lines.at(-1)).toMatch(/^gekkan dev: rebuilt in \d+ ms \(quick: 1 issue edited, 1 page re-rendered\); 1 file changed; feeds and search follow$/);

    // Before the catch-up: every HTML page is already what a full build makes; the feed (and the email) still has the old text.
    const reference = await clean();
    const isPage = (p: string) => p.endsWith('.html') && !p.endsWith('/email.html');
    for (const path of reference.output.paths().filter(isPage)) {
      expect(await served(`/${path.replace(/index\.html$/, '')}`), path).toBe(reference.output.text(path));
    }
    expect(await served('/feed.xml')).toContain('says hello');

    // After it: feeds match too.
    await server.settled();
    expect(lastOk().mode).toBe('full');
    expect(io.lines.some((l) => /^gekkan dev: caught up in \d+ ms/.test(l))).toBe(true);
    // The catch-up changed feeds only: no page reloads for it.
    const caughtUp = (JSON.parse((await events.next('reload')).data) as { paths: string[] }).paths;
    expect(caughtUp).toContain('feed.xml');
    expect(caughtUp.filter(isPage)).toEqual([]);
    for (const path of ['feed.xml', 'rss.xml', 'feed.json', 'issues/2011-04/email.html']) expect(await served(`/${path}`)).toBe(reference.output.text(path));
  });

  it('an edit that changes what other pages show (title, blocks, reading time) is a full rebuild', async () => {
    const cases: Array<[string, (t: string) => string, string, string]> = [
      ['title', (t) => t.replace('title: "April notes"', 'title: "April notes, retitled"'), '/', 'April notes, retitled'],
      ['block', (t) => t.replace('version="1.0.11"', 'version="1.0.12"'), '/releases/', '1.0.12'],
      ['reading time', (t) => `${t}\n${'word '.repeat(2000)}\n`, '/', 'datetime="2011-04-01">April 1, 2011</time> · 11 min read'],
    ];
    for (const [what, change, page, expected] of cases) {
      await edit(APRIL, change);
      await events.next('reload');
      await server.idle();
      expect(lastOk().mode, what).toBe('full');
      expect(await served(page), what).toContain(expected);
      // The quick path tried first parsed the issue already; the line says what the author did, not what the memo held.
      expect(io.lines.at(-1), what).toMatch(/^gekkan dev: rebuilt in \d+ ms \(1 issue edited, \d+ pages re-rendered\); \d+ files changed$/);
    }
  });

  it('a save right after another is not lost (chokidar drops a second change within 50 ms)', async () => {
    await server.settled();
    const path = join(site.root, APRIL);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('The first paragraph', 'First save: the first paragraph'));
    // The quick rebuild answers within chokidar's 50 ms window, so this save's change event is dropped.
    await events.next('reload');
    await writeFile(path, text.replace('The first paragraph', 'Third save: the first paragraph'));
    const deadline = Date.now() + 10_000;
    while (!(await served('/issues/2011-04/')).includes('Third save') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await served('/issues/2011-04/')).toContain('Third save: the first paragraph');
    await writeFile(path, text);
    await server.settled();
  });

  it('a broken edit is never quick: it reports the error and keeps the last good pages', async () => {
    await server.settled();
    await edit(APRIL, (t) => t.replace(':::release{', ':::relase{'));
    const error = await events.next('error');
    expect(error.data).toContain('relase');
    await server.idle();
    expect(server.last()?.ok).toBe(false);
    await edit(APRIL, (t) => t.replace(':::relase{', ':::release{'));
    await events.next('reload');
    await server.idle();
    expect(lastOk().mode).toBe('full');
  });

  it('the rebuild after a fixed error counts the issue saved to fix it, even when put back as it was', async () => {
    await server.settled();
    const MAY = 'content/issues/2011/2011-05.md';
    const fixes = io.lines.length;
    const unclose = (t: string) => t.replace('Planned for next month.\n:::\n', 'Planned for next month.\n');
    const close = (t: string) => t.replace('Planned for next month.\n', 'Planned for next month.\n:::\n');
    // Broken (an unclosed block), then put back byte for byte: the last good build has the same file, yet the author edited it.
    await edit(APRIL, unclose);
    await events.next('error');
    await server.idle();
    expect(server.last()?.ok).toBe(false);
    await edit(APRIL, close);
    await events.next('reload');
    await server.idle();
    expect(lastOk().mode).toBe('full');
    expect(io.lines.at(-1)).toMatch(/^gekkan dev: errors fixed; full rebuild in \d+ ms \(1 issue edited, \d+ pages? re-rendered\); \d+ files? changed$/);

    // Another issue edited while the site was broken counts too: its save's own rebuild failed.
    await edit(APRIL, unclose);
    await events.next('error');
    await server.idle();
    await edit(MAY, (t) => `${t}\nOne more line.\n`);
    await events.next('error');
    await server.idle();
    await edit(APRIL, close);
    await events.next('reload');
    await server.idle();
    expect(io.lines.at(-1)).toMatch(/^gekkan dev: errors fixed; full rebuild in \d+ ms \(2 issues edited, \d+ pages? re-rendered\); \d+ files? changed$/);
    expect(io.lines.slice(fixes).filter((line) => line.includes('0 issues'))).toEqual([]);
    await server.settled();
  });
});
