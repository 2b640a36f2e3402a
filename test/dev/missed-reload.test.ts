import { readFile, writeFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { copyFixture, memoryIo } from '../helpers/dev-server.js';

/**
 * A page whose live-reload connection was not open when its change went out
 * (it was still loading, or gekkan dev was restarted meanwhile) must still
 * end up showing the saved text, as it would after a manual reload: the
 * oracle is the text in the browser's page, which only the HTML served after
 * the save has.
 */
const APRIL = 'content/issues/2011/2011-04.md';
const OLD = 'The first paragraph says hello.';

let site: { root: string; remove: () => Promise<void> };
let browser: Browser;
const servers: DevServer[] = [];

const edit = async (from: string, to: string) => {
  const path = join(site.root, APRIL);
  const text = await readFile(path, 'utf8');
  if (!text.includes(from)) throw new Error(`test bug: ${from} not in ${APRIL}`);
  await writeFile(path, text.replace(from, to));
};

const start = async (port = 0) => {
  const server = await startDevServer({ root: site.root, port, io: memoryIo(), debounceMs: 60, search: false });
  servers.push(server);
  return server;
};

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  site = await copyFixture('dev-site');
});

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  await site.remove();
});

describe('gekkan dev: a page that missed its reload', () => {
  it('reloads a page served before a save whose reload went out before its connection opened', async () => {
    const server = await start();
    const tab = await browser.newPage();
    let release: () => void = () => undefined;
    const held = new Promise<void>((ok) => (release = ok));
    // The event stream opens only after the save is rebuilt and announced: a page still loading when a rebuild ends.
    await tab.route('**/__gekkan/events', async (route) => {
      await held;
      await route.continue();
    });
    await tab.goto(new URL('/issues/2011-04/', server.url).href);
    await tab.getByText(OLD).waitFor();
    await edit(OLD, 'Saved while the page was loading.');
    await expect.poll(async () => (await (await fetch(new URL('/issues/2011-04/', server.url))).text()).includes('Saved while the page was loading.')).toBe(true);
    await server.idle();
    release();
    await tab.getByText('Saved while the page was loading.').waitFor({ timeout: 10_000 });
  });

  it('reloads an open page once gekkan dev is started again, with what was saved while it was stopped', async () => {
    const first = await start();
    const tab = await browser.newPage();
    await tab.goto(new URL('/issues/2011-04/', first.url).href);
    await tab.getByText(OLD).waitFor();
    await expect.poll(() => first.clients()).toBeGreaterThan(0);
    await first.close();
    await edit(OLD, 'Saved while gekkan dev was stopped.');
    const again = await start(first.port);
    expect(again.port).toBe(first.port);
    await tab.getByText('Saved while gekkan dev was stopped.').waitFor({ timeout: 10_000 });
  });

  it('does not reload a page the save left as it was when its connection comes back', async () => {
    const server = await start();
    const line = await cuttableLine(server.port);
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${line.port}/issues/2011-05/`);
    await expect.poll(() => server.clients()).toBe(1);
    // A marker that survives only as long as the page is not reloaded.
    await tab.evaluate(() => ((window as unknown as { stale?: boolean }).stale = true));
    await edit(OLD, 'An edit May does not show.');
    await expect.poll(async () => (await (await fetch(new URL('/issues/2011-04/', server.url))).text()).includes('An edit May does not show.')).toBe(true);
    await server.idle();
    // The connection drops and comes back (a laptop waking up, a proxy timing out): EventSource reconnects by itself.
    line.cut();
    await expect.poll(() => server.clients()).toBe(0);
    await expect.poll(() => server.clients()).toBe(1);
    await new Promise((wake) => setTimeout(wake, 1000));
    expect(await tab.evaluate(() => (window as unknown as { stale?: boolean }).stale)).toBe(true);
    line.close();
  });
});

/** A TCP relay to the dev server whose open connections the test can cut, as a dropped network would. */
async function cuttableLine(port: number): Promise<{ port: number; cut: () => void; close: () => void }> {
  const open = new Set<Socket>();
  const relay = createServer((inbound) => {
    const outbound = connect(port, '127.0.0.1');
    for (const socket of [inbound, outbound]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((ok) => relay.listen(0, '127.0.0.1', ok));
  const cut = () => {
    for (const socket of open) socket.destroy();
  };
  return { port: (relay.address() as AddressInfo).port, cut, close: () => (cut(), relay.close()) };
}
