import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startDevServer } from '../../src/dev/dev-server.js';
import { EventHub } from '../../src/dev/events.js';
import { createDevHttpServer } from '../../src/dev/http.js';
import { OutputSet } from '../../src/write/output.js';
import { memoryIo, openSse } from '../helpers/dev-server.js';
import { issue, tempDir, tempSite } from '../helpers/temp-site.js';

const pause = (ms: number) => new Promise((wake) => setTimeout(wake, ms));
const MB = 1024 * 1024;

/**
 * Another process, as cp: reads `from` and writes it over `to` (truncated,
 * then written in `pieces`, `pauseMs` apart). Resolves `started` once the
 * first piece is written and `done` when the file is closed.
 */
function copyInPieces(from: string, to: string, pieces: number, pauseMs: number): { started: Promise<void>; done: Promise<void> } {
  const script = `const fs = require('node:fs');
const [from, to, pieces, pauseMs] = process.argv.slice(1);
const bytes = fs.readFileSync(from);
const fd = fs.openSync(to, 'w');
const size = Math.ceil(bytes.length / Number(pieces));
let at = 0;
const step = () => {
  fs.writeSync(fd, bytes, at, Math.min(size, bytes.length - at), at);
  at += size;
  if (at === size) process.stdout.write('started\\n');
  if (at < bytes.length) setTimeout(step, Number(pauseMs));
  else fs.closeSync(fd);
};
step();`;
  const child = spawn(process.execPath, ['-e', script, from, to, String(pieces), String(pauseMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const started = new Promise<void>((ok) => child.stdout.once('data', () => ok()));
  const done = new Promise<void>((ok, fail) => child.once('exit', (code) => (code === 0 ? ok() : fail(new Error(`the copy exited ${code}`)))));
  return { started, done };
}

/**
 * Copies `bytes` over public/`name` in pieces (copyInPieces) under a running
 * gekkan dev, GETting the file over HTTP every `everyMs` from the first piece
 * on, each request without waiting for the one before (which may be held);
 * returns every answer, and the answer after the copy.
 */
async function copyWhileFetching(name: string, bytes: Buffer, copy: { pieces: number; pauseMs: number; everyMs: number }, old: Buffer | undefined): Promise<{ answers: Array<{ status: number; body: Buffer }>; after: Buffer }> {
  const site = tempSite({ 'content/issues/2011/2011-04.md': issue({ title: 'April', issue: 1, date: '2011-04-01' }), 'public/humans.txt': 'gekkan\n', ...(old === undefined ? {} : { [`public/${name}`]: old }) });
  const source = tempDir();
  writeFileSync(join(source.path, name), bytes);
  const io = memoryIo();
  const server = await startDevServer({ root: site.path, port: 0, io });
  const events = await openSse(new URL('/__gekkan/events', server.url).href);
  const url = new URL(`/${name}`, server.url);
  const requests: Array<Promise<{ status: number; body: Buffer }>> = [];
  try {
    const copying = copyInPieces(join(source.path, name), join(site.path, 'public', name), copy.pieces, copy.pauseMs);
    // From the first piece on: an answer under way when cp truncates the file is cut short, and the client sees it fail.
    await copying.started;
    let copied = false;
    void copying.done.then(() => (copied = true), () => (copied = true));
    while (!copied) {
      requests.push(fetch(url).then(async (res) => ({ status: res.status, body: Buffer.from(await res.arrayBuffer()) })));
      await pause(copy.everyMs);
    }
    await copying.done;
    const answers = await Promise.all(requests);
    await events.next('reload');
    await server.settled();
    return { answers, after: Buffer.from(await (await fetch(url)).arrayBuffer()) };
  } finally {
    events.close();
    await server.close();
    site.remove();
    source.remove();
  }
}

it('a file copied into public/ in pieces is never served half-written, and is served whole once copied', async () => {
  const bytes = randomBytes(4 * MB);
  const { answers, after } = await copyWhileFetching('clip.bin', bytes, { pieces: 32, pauseMs: 25, everyMs: 20 }, undefined);
  expect(answers.length).toBeGreaterThan(5);
  for (const answer of answers) {
    if (answer.status === 404) continue;
    expect(answer.status).toBe(200);
    // Not toEqual on 4 MB: the sizes say what went wrong.
    expect(answer.body.length).toBe(bytes.length);
    expect(answer.body.equals(bytes)).toBe(true);
  }
  expect(after.equals(bytes)).toBe(true);
}, 60_000);

it('a large public file (streamed from disk) rewritten in place is served old or new, never a mix or a part', async () => {
  // Over PUBLIC_READ_BYTES (16 MB): the dev server streams it from public/ instead of holding it.
  const old = randomBytes(17 * MB);
  const bytes = randomBytes(17 * MB);
  // Longer than a request waits for the watcher to see a write (a second): the watcher's hold must carry it.
  const { answers, after } = await copyWhileFetching('talk.bin', bytes, { pieces: 17, pauseMs: 80, everyMs: 150 }, old);
  expect(answers.length).toBeGreaterThan(5);
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBe(bytes.length);
    expect(answer.body.equals(bytes) || answer.body.equals(old)).toBe(true);
  }
  expect(after.equals(bytes)).toBe(true);
}, 60_000);

it('a streamed file no longer the size the build hashed is sent once it is again: written before the watcher could say so', async () => {
  const dir = tempDir();
  const path = join(dir.path, 'talk.bin');
  const old = randomBytes(2 * MB);
  const fresh = randomBytes(2 * MB);
  writeFileSync(path, old);
  // What the build recorded of public/talk.bin; no watcher here, so only the size tells the server it changed.
  const output = new OutputSet();
  output.addCopy('talk.bin', { path, id: 'sha256:old', size: old.length }, 'public/talk.bin');
  const server = createDevHttpServer({ output: () => output, hub: new EventHub(), allowHost: () => true });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  try {
    // cp has truncated it and written half when the request comes; the rest follows 200 ms later.
    writeFileSync(path, fresh.subarray(0, MB));
    const answer = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/talk.bin`).then(async (res) => Buffer.from(await res.arrayBuffer()));
    await pause(200);
    appendFileSync(path, fresh.subarray(MB));
    const body = await answer;
    expect(body.length).toBe(fresh.length);
    expect(body.equals(fresh)).toBe(true);
  } finally {
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
    dir.remove();
  }
});
