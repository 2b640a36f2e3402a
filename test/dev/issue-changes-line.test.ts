/**
 * gekkan dev's line after a rebuild says what the author did to the issue
 * files: an issue file added or removed was counted as "1 issue edited",
 * and a rename as "2 issues edited" (renamed-issue.test.ts). Through a real dev server (real files
 * changed on disk, real HTTP), each test on its own copy of the fixture; the
 * expected words are written by hand.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startDevServer } from '../../src/dev/dev-server.js';
import { copyFixture, memoryIo } from '../helpers/dev-server.js';

const pause = (ms: number) => new Promise((wake) => setTimeout(wake, ms));
const JULY = 'content/issues/2011/2011-07.md';

/** The dev server on a fresh copy of the fixture; `change` alters its files, and the rebuild line it leads to is returned with the server still up, for `look`. */
async function rebuiltAfter(change: (root: string) => Promise<void>, look: (get: (path: string) => Promise<number>) => Promise<void>): Promise<string> {
  const site = await copyFixture('dev-site');
  const io = memoryIo();
  const server = await startDevServer({ root: site.root, port: 0, io });
  const rebuilds = () => io.lines.filter((line) => line.startsWith('gekkan dev: rebuilt'));
  try {
    await change(site.root);
    while (rebuilds().length === 0) await pause(20);
    await server.settled();
    await look(async (path) => (await fetch(new URL(path, server.url))).status);
    return rebuilds()[0] ?? '';
  } finally {
    await server.close();
    await site.remove();
  }
}

it('an issue file added is "1 issue added", and its page is served', async () => {
  const line = await rebuiltAfter(
    (root) => writeFile(join(root, JULY), '---\ntitle: "July notes"\nissue: 4\ndate: 2011-07-01\nlang: en\n---\n\nJuly is here.\n'),
    async (get) => expect(await get('/issues/2011-07/')).toBe(200),
  );
  expect(line).toMatch(/^gekkan dev: rebuilt in \d+ ms \(1 issue added, \d+ pages re-rendered\); \d+ files changed$/);
});

it('an issue file removed is "1 issue removed", and its page is gone', async () => {
  const line = await rebuiltAfter(
    (root) => rm(join(root, 'content/issues/2011/2011-05.md')),
    async (get) => expect(await get('/issues/2011-05/')).toBe(404),
  );
  expect(line).toMatch(/^gekkan dev: rebuilt in \d+ ms \(1 issue removed, \d+ pages? re-rendered\); \d+ files changed$/);
});

it('an issue file copied under a new name and changed is "1 issue added", its original left as it was', async () => {
  const line = await rebuiltAfter(
    async (root) => {
      const may = await readFile(join(root, 'content/issues/2011/2011-05.md'), 'utf8');
      await writeFile(join(root, JULY), may.replace('issue: 2', 'issue: 4').replace('2011-05-01', '2011-07-01'));
    },
    async (get) => expect(await get('/issues/2011-05/')).toBe(200),
  );
  expect(line).toMatch(/^gekkan dev: rebuilt in \d+ ms \(1 issue added, \d+ pages re-rendered\); \d+ files changed$/);
});

/**
 * The quick path (an edit that changes no other page) said only "quick: 1
 * page re-rendered", and kept the issue files as they were before it, so a
 * file added or removed before the catch-up counted that edit a second time
 * ("1 issue added, 1 issue edited"). The catch-up is held off here, so the
 * add or removal is the next full rebuild after the quick one.
 */
async function quickThen(change: (root: string) => Promise<void>): Promise<string[]> {
  const site = await copyFixture('dev-site');
  const io = memoryIo();
  const server = await startDevServer({ root: site.root, port: 0, io, catchUpDelayMs: 120_000 });
  const rebuilds = () => io.lines.filter((line) => line.startsWith('gekkan dev: rebuilt'));
  try {
    const april = join(site.root, 'content/issues/2011/2011-04.md');
    await writeFile(april, (await readFile(april, 'utf8')).replace('The first paragraph says hello.', 'The first paragraph says quickly.'));
    while (rebuilds().length === 0) await pause(20);
    await server.idle();
    await change(site.root);
    while (rebuilds().length < 2) await pause(20);
    await server.idle();
    return rebuilds();
  } finally {
    await server.close();
    await site.remove();
  }
}

it('a quick rebuild counts its issue as a full one does, and a file added next is "1 issue added" alone', async () => {
  const [quick, added, ...more] = await quickThen((root) => writeFile(join(root, JULY), '---\ntitle: "July notes"\nissue: 4\ndate: 2011-07-01\nlang: en\n---\n\nJuly is here.\n'));
  expect(quick).toMatch(/^gekkan dev: rebuilt in \d+ ms \(quick: 1 issue edited, 1 page re-rendered\); 1 file changed; feeds and search follow$/);
  expect(added).toMatch(/^gekkan dev: rebuilt in \d+ ms \(1 issue added, \d+ pages re-rendered\); \d+ files changed$/);
  expect(more).toEqual([]);
});

it('a file removed after a quick rebuild is "1 issue removed" alone', async () => {
  const [, removed, ...more] = await quickThen((root) => rm(join(root, 'content/issues/2011/2011-05.md')));
  expect(removed).toMatch(/^gekkan dev: rebuilt in \d+ ms \(1 issue removed, \d+ pages? re-rendered\); \d+ files changed$/);
  expect(more).toEqual([]);
});
