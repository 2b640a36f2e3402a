import { mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { watchSite, type ChangeBatch } from '../../src/dev/watch.js';
import { copyFixture, memoryIo, openSse, type SseReader } from '../helpers/dev-server.js';
import { issue, tempSite } from '../helpers/temp-site.js';

const DIR = 'content/issues/2011';
const APRIL = `${DIR}/2011-04.md`;
const SENTENCE = 'The first paragraph says hello.';

interface Dev {
  root: string;
  server: DevServer;
  events: SseReader;
  lines: string[];
  page: (path: string) => Promise<string>;
}

async function withDev(test: (dev: Dev) => Promise<void>): Promise<void> {
  const site = await copyFixture('dev-site');
  const io = memoryIo();
  const server = await startDevServer({ root: site.root, port: 0, io, debounceMs: 60 });
  const events = await openSse(new URL('/__gekkan/events', server.url).href);
  const page = async (path: string) => (await fetch(new URL(path, server.url))).text();
  try {
    await test({ root: site.root, server, events, lines: io.lines, page });
  } finally {
    events.close();
    await server.close();
    await site.remove();
  }
}

/** How each editor saves `file` with `text` (see each one's documentation of backups and safe writes). */
const SAVES: Record<string, (root: string, file: string, text: string) => Promise<void>> = {
  // vim with backupcopy=no: probe the folder with 4913, move the original to file~, write a new file, keep the backup.
  async vim(root, file, text) {
    const path = join(root, file);
    await writeFile(join(root, DIR, '.2011-04.md.swp'), 'b0VIM 9.0');
    await writeFile(join(root, DIR, '4913'), '');
    await rm(join(root, DIR, '4913'));
    await rename(path, `${path}~`);
    await writeFile(path, text);
  },
  // Emacs: a lock that leads nowhere, an auto-save, then the original renamed to the backup and the file written anew.
  async emacs(root, file, text) {
    const path = join(root, file);
    await symlink('author@laptop.4242:1733400000', join(root, DIR, '.#2011-04.md'));
    await writeFile(join(root, DIR, '#2011-04.md#'), text);
    await rename(path, `${path}~`);
    await writeFile(path, text);
    await rm(join(root, DIR, '#2011-04.md#'));
    await rm(join(root, DIR, '.#2011-04.md'));
  },
  // JetBrains' safe write: the new text in a temporary, the original moved aside, the temporary renamed into place.
  async jetbrains(root, file, text) {
    const path = join(root, file);
    await writeFile(`${path}___jb_tmp___`, text);
    await rename(path, `${path}___jb_old___`);
    await rename(`${path}___jb_tmp___`, path);
    await rm(`${path}___jb_old___`);
  },
  // VS Code and most "atomic save" editors: write file.tmp, rename it over the file.
  async atomic(root, file, text) {
    const path = join(root, file);
    await writeFile(`${path}.tmp`, text);
    await rename(`${path}.tmp`, path);
  },
};

describe('gekkan dev under the ways editors save', () => {
  for (const [editor, save] of Object.entries(SAVES)) {
    it(`a ${editor} save of an issue is one quick rebuild that serves the new text`, () => withDev(async ({ root, server, events, lines, page }) => {
      const text = (await readFile(join(root, APRIL), 'utf8')).replace(SENTENCE, `Saved by ${editor}.`);
      await save(root, APRIL, text);
      await events.next('reload');
      await server.settled();
      expect(await page('/issues/2011-04/')).toContain(`Saved by ${editor}.`);
      // The editor's own files are not issues: they never turn the save into a full rebuild. (A late event
      // for the renamed-in file may bring a second quick rebuild, which finds nothing changed.)
      const rebuilds = lines.filter((line) => line.startsWith('gekkan dev: rebuilt'));
      expect(rebuilds.length, lines.join('\n')).toBeGreaterThan(0);
      for (const line of rebuilds) expect(line).toContain('(quick: 1 issue edited, 1 page re-rendered)');
      expect(events.pending().filter((event) => event.event === 'error')).toEqual([]);
    }));
  }

  it('an Emacs auto-save (#2011-04.md#) rebuilds nothing: the next save is the first rebuild, and quick', () => withDev(async ({ root, server, events, lines, page }) => {
    const text = (await readFile(join(root, APRIL), 'utf8')).replace(SENTENCE, 'Auto-saved only.');
    await writeFile(join(root, DIR, '#2011-04.md#'), text);
    await writeFile(join(root, APRIL), text.replace('Auto-saved only.', 'Saved at last.'));
    await events.next('reload');
    await server.settled();
    expect(await page('/issues/2011-04/')).toContain('Saved at last.');
    const rebuilds = lines.filter((line) => line.startsWith('gekkan dev: rebuilt'));
    expect(rebuilds.length, lines.join('\n')).toBeGreaterThan(0);
    for (const line of rebuilds) expect(line).toContain('(quick: 1 issue edited, 1 page re-rendered)');
  }));

  it("Kate's swap file beside a public file is no change to the site", async () => {
    const site = tempSite({ 'public/humans.txt': 'gekkan\n' });
    const batches: ChangeBatch[] = [];
    let arrived = () => {};
    const watcher = watchSite(site.path, (batch) => {
      batches.push(batch);
      arrived();
    });
    try {
      await watcher.ready;
      // Kate rewrites it every few seconds while humans.txt has unsaved changes.
      await writeFile(join(site.path, 'public/.humans.txt.kate-swp'), 'Kate Swap File 2.0');
      await writeFile(join(site.path, 'public/humans.txt'), 'gekkan, saved\n');
      while (!batches.some((batch) => batch.paths.includes('public/humans.txt'))) await new Promise<void>((wake) => (arrived = wake));
      expect(batches.flatMap((batch) => batch.paths)).not.toContain('public/.humans.txt.kate-swp');
    } finally {
      await watcher.close();
      site.remove();
    }
  });

  it("LibreOffice's lock beside a public file it has open (.~lock.data.csv#) is neither served nor warned about", async () => {
    const site = tempSite({ 'public/data.csv': 'a,b\n', 'content/issues/2011/2011-04.md': issue({ title: 'April', issue: 1, date: '2011-04-01' }) });
    const io = memoryIo();
    const server = await startDevServer({ root: site.path, port: 0, io, debounceMs: 60 });
    const events = await openSse(new URL('/__gekkan/events', server.url).href);
    try {
      // LibreOffice writes the lock when it opens the file and keeps it until the file is closed.
      await writeFile(join(site.path, 'public/.~lock.data.csv#'), ',author,laptop,07.12.2026 00:45,file:///home/author/.config/libreoffice/4;');
      await writeFile(join(site.path, 'public/data.csv'), 'a,b\n1,2\n');
      await events.next('reload');
      await server.settled();
      expect(await (await fetch(new URL('/data.csv', server.url))).text()).toBe('a,b\n1,2\n');
      expect((await fetch(new URL('/.~lock.data.csv%23', server.url))).status).toBe(404);
      expect(io.lines.filter((line) => line.includes('.~lock'))).toEqual([]);
    } finally {
      events.close();
      await server.close();
      site.remove();
    }
  });

  it("sed -i's temporary, gone when its batch went out, brings no second batch when chokidar reports it removed later", async () => {
    const site = tempSite({ 'templates/locales/en.json': '{"strings":{}}\n' });
    const batches: ChangeBatch[] = [];
    const watcher = watchSite(site.path, (batch) => batches.push(batch), 20);
    const pause = (ms: number) => new Promise((wake) => setTimeout(wake, ms));
    try {
      await watcher.ready;
      // The temporary must be seen (its add) before it is renamed away, within one debounce: tried until it is.
      let saved = false;
      for (let attempt = 0; attempt < 10 && !saved; attempt++) {
        batches.length = 0;
        const temporary = join(site.path, `templates/locales/sed${attempt}x`);
        await writeFile(temporary, `{"strings":{"n":${attempt}}}\n`);
        await pause(8);
        await rename(temporary, join(site.path, 'templates/locales/en.json'));
        // chokidar holds a removal back 100 ms (its atomic option), and longer while the loop is busy.
        await pause(1_500);
        saved = batches[0]?.paths.includes(`templates/locales/sed${attempt}x`) === true && batches[0].paths.includes('templates/locales/en.json');
      }
      expect(saved, JSON.stringify(batches)).toBe(true);
      expect(batches).toHaveLength(1);
    } finally {
      await watcher.close();
      site.remove();
    }
  });

  it('an Emacs lock beside a template being edited puts no error up when the site is rebuilt', () => withDev(async ({ root, events, page }) => {
    await mkdir(join(root, 'templates/partials'), { recursive: true });
    await symlink('author@laptop.4242:1733400000', join(root, 'templates/partials/.#issue-card.liquid'));
    await writeFile(join(root, 'gekkan.config.json'), (await readFile(join(root, 'gekkan.config.json'), 'utf8')).replace('"Dev fixture"', '"Dev fixture, locked"'));
    await events.next('reload');
    expect(await page('/')).toContain('Dev fixture, locked');
    expect(events.pending().filter((event) => event.event === 'error')).toEqual([]);
  }));

  it('a file under public/.well-known/ (published by gekkan build) reaches the preview when saved', () => withDev(async ({ root, events, page }) => {
    // public/ first: its creation alone would rebuild everything under it.
    await mkdir(join(root, 'public'));
    await writeFile(join(root, 'public/humans.txt'), 'gekkan\n');
    await events.next('reload');
    await mkdir(join(root, 'public/.well-known'));
    await writeFile(join(root, 'public/.well-known/security.txt'), 'Contact: mailto:security@example.org\n');
    await events.next('reload');
    expect(await page('/.well-known/security.txt')).toContain('security@example.org');
  }));
});
