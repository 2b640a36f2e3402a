import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { copyFixture, memoryIo, withoutClient } from '../helpers/dev-server.js';

let site: { root: string; remove: () => Promise<void> } | undefined;
let server: DevServer | undefined;
afterEach(async () => {
  await server?.close();
  await site?.remove();
  server = undefined;
  site = undefined;
});

const page = async (path: string) => withoutClient(await (await fetch(new URL(path, server?.url))).text());

describe('gekkan dev: the start-up render cache', () => {
  it('keeps renders between starts, and a damaged cache only costs a re-render', async () => {
    site = await copyFixture('dev-site');
    const cacheDir = join(site.root, '.gekkan', 'dev-cache');
    server = await startDevServer({ root: site.root, port: 0, io: memoryIo(), cacheDir });
    const first = await page('/issues/2011-04/');
    await server.close();
    const pack = join(cacheDir, 'issues.pack');
    expect((await stat(pack)).size).toBeGreaterThan(100);

    server = await startDevServer({ root: site.root, port: 0, io: memoryIo(), cacheDir });
    expect(await page('/issues/2011-04/')).toBe(first);
    await server.close();

    const bytes = await readFile(pack);
    await writeFile(pack, bytes.subarray(0, bytes.length >> 1));
    const io = memoryIo();
    server = await startDevServer({ root: site.root, port: 0, io, cacheDir });
    expect(await page('/issues/2011-04/')).toBe(first);
    expect(io.lines.join('\n')).not.toMatch(/internal error/);
  });
});
