import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { OVERLAY_ID } from '../../src/dev/client-script.js';
import { copyFixture, memoryIo } from '../helpers/dev-server.js';

const APRIL = 'content/issues/2011/2011-04.md';

let site: { root: string; remove: () => Promise<void> };
let server: DevServer;
let browser: Browser;
let tab: Page;

const edit = async (change: (text: string) => string) => {
  const path = join(site.root, APRIL);
  await writeFile(path, change(await readFile(path, 'utf8')));
};

beforeAll(async () => {
  site = await copyFixture('dev-site');
  server = await startDevServer({ root: site.root, port: 0, io: memoryIo(), debounceMs: 60 });
  browser = await launchChromium();
  tab = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

describe('gekkan dev in a real browser', () => {
  it('reloads on edit, shows the error overlay on a broken edit, and clears it on the fix', async () => {
    await tab.goto(new URL('/issues/2011-04/', server.url).href);
    await tab.waitForFunction(() => document.querySelector('script[src="/__gekkan/client.js"]') !== null);
    // Wait until the EventSource is connected, or the first edit could be missed.
    await expect.poll(() => server.clients()).toBeGreaterThan(0);
    // A marker that only survives if the page is NOT reloaded.
    await tab.evaluate(() => ((window as unknown as { stale?: boolean }).stale = true));

    await edit((t) => t.replace('The first paragraph says hello.', 'Edited live in the browser.'));
    await tab.getByText('Edited live in the browser.').waitFor();
    expect(await tab.evaluate(() => (window as unknown as { stale?: boolean }).stale)).toBeUndefined();

    await edit((t) => t.replace('status="planned"', 'status="plannd"'));
    const overlay = tab.locator(`#${OVERLAY_ID}`);
    await overlay.waitFor({ state: 'visible' });
    await expect.poll(() => overlay.locator('.gekkan-error-location').first().textContent()).toMatch(new RegExp(`^${APRIL}:10:\\d+$`));
    expect(await overlay.textContent()).toContain('plannd');
    // Opaque: the page underneath must not show through the messages.
    expect(await overlay.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(20, 20, 20)');
    // The last good page is still what is shown underneath.
    expect(await tab.locator('.issue-body').getByText('Edited live in the browser.').count()).toBe(1);

    await edit((t) => t.replace('status="plannd"', 'status="planned"').replace('Edited live', 'Fixed live'));
    await tab.getByText('Fixed live in the browser.').waitFor();
    expect(await overlay.count()).toBe(0);
  });

  it('applies a stylesheet change without reloading the page', async () => {
    await tab.evaluate(() => ((window as unknown as { stale?: boolean }).stale = true));
    await mkdir(join(site.root, 'templates/assets'), { recursive: true });
    const builtin = await readFile('templates/assets/style.css', 'utf8');
    await writeFile(join(site.root, 'templates/assets/style.css'), `${builtin}\n.issue-body { outline: 3px solid rgb(1, 2, 3); }\n`);
    await tab.waitForFunction(() => getComputedStyle(document.querySelector('.issue-body') as Element).outlineColor === 'rgb(1, 2, 3)');
    expect(await tab.evaluate(() => (window as unknown as { stale?: boolean }).stale)).toBe(true);
  });
});
