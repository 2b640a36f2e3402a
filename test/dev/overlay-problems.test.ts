/**
 * The dev server's overlay data (toProblems) for a message without a place:
 * placelessWarning's, about a file that is gone. No such message reaches the
 * dev server today (only `gekkan build` compares with the last build's
 * addresses), so the function that turns messages into the overlay's data is
 * tested directly, and the overlay in a real browser is given its data by
 * the dev server's own event hub and client script, served here as the dev
 * server serves them. Oracles: the file, reason and lines written by hand here.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { placelessWarning, warning } from '../../src/diagnostics.js';
import { CLIENT_PATH, CLIENT_SCRIPT, EVENTS_PATH, injectClient, OVERLAY_ID } from '../../src/dev/client-script.js';
import { EventHub } from '../../src/dev/events.js';
import { toProblems } from '../../src/dev/problems.js';
import { launchChromium } from '../helpers/browser.js';
import { tempSite, type TempDir } from '../helpers/temp-site.js';

let site: TempDir | undefined;
afterEach(() => site?.remove());

describe('the overlay data of a message', () => {
  it('without a place: the file alone (no line or column), marked as a warning, and no excerpt', () => {
    site = tempSite({ 'content/issues/2011/2011-05.md': 'one\ntwo\nthree\n' });
    const gone = placelessWarning('content/issues/2011/2011-06.md', 'issue 3 (/issues/2011-06/) was published by the last build and is not now (its file is gone)', 'address-gone');
    expect(toProblems(site.path, [gone])).toStrictEqual([
      { file: 'content/issues/2011/2011-06.md', message: 'warning: issue 3 (/issues/2011-06/) was published by the last build and is not now (its file is gone)', excerpt: '' },
    ]);
  });

  it('with a place, beside one without: file, line and column, the warning marking, and the lines around it', () => {
    site = tempSite({ 'content/issues/2011/2011-05.md': 'one\ntwo\nthree\n' });
    const placed = warning('content/issues/2011/2011-05.md', 'a word', { line: 2, column: 3 }, 'todo-note');
    const gone = placelessWarning('content/issues/2011/2011-05.md', 'gone', 'address-gone');
    const [first, second] = toProblems(site.path, [placed, gone]);
    expect(first).toStrictEqual({ file: 'content/issues/2011/2011-05.md', line: 2, column: 3, message: 'warning: a word', excerpt: '  1 | one\n> 2 | two\n    |   ^\n  3 | three\n  4 | ' });
    // The file is there, but the message has no place in it: no line 1 to point at.
    expect(second).toStrictEqual({ file: 'content/issues/2011/2011-05.md', message: 'warning: gone', excerpt: '' });
  });
});

describe('the overlay in a browser', () => {
  it('names a message without a place by its file alone, with no excerpt, beside one with a place', async () => {
    site = tempSite({ 'content/issues/2011/2011-05.md': 'one\ntwo\nthree\n' });
    const hub = new EventHub();
    const server: Server = createServer((req, res) => {
      if (req.url === EVENTS_PATH) return hub.connect(res);
      const script = req.url === CLIENT_PATH;
      res.writeHead(200, { 'Content-Type': script ? 'text/javascript' : 'text/html; charset=utf-8' });
      res.end(script ? CLIENT_SCRIPT : injectClient('<!DOCTYPE html><title>x</title><body><p>page</p></body>', hub.version));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await expect.poll(() => hub.size).toBeGreaterThan(0);
      const placed = warning('content/issues/2011/2011-05.md', 'a word', { line: 2, column: 3 }, 'todo-note');
      const gone = placelessWarning('content/issues/2011/2011-06.md', 'its file is gone', 'address-gone');
      hub.send({ type: 'error', data: { messages: toProblems(site.path, [placed, gone]) } });
      const overlay = tab.locator(`#${OVERLAY_ID}`);
      await overlay.waitFor({ state: 'visible' });
      expect(await overlay.locator('.gekkan-error-location').allTextContents()).toEqual(['content/issues/2011/2011-05.md:2:3', 'content/issues/2011/2011-06.md']);
      const sections = overlay.locator('section');
      expect(await sections.nth(1).locator('p').allTextContents()).toEqual(['content/issues/2011/2011-06.md', 'warning: its file is gone']);
      // Only the placed message has source lines to show.
      expect(await sections.nth(0).locator('pre').count()).toBe(1);
      expect(await sections.nth(1).locator('pre').count()).toBe(0);
    } finally {
      await browser.close();
      hub.close();
      await new Promise((done) => server.close(done));
    }
  }, 60_000);
});
