import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/dev/dev-server.js';
import { main } from '../../src/cli.js';
import { copyFixture, memoryIo } from '../helpers/dev-server.js';

/*
 * `gekkan dev` serves at "/" so that links work on localhost, but the
 * absolute URLs it writes name the published site: the same as `gekkan build`
 * writes, base path included. The oracle is the real build's files.
 */
const SITE_URL = 'https://example.org/my news/';
const MAY = 'issues/2011-05/';
/** Files made of absolute URLs only: dev must serve them byte for byte as built. */
const ABSOLUTE_FILES = ['feed.xml', 'rss.xml', 'feed.json', 'sitemap.xml', 'robots.txt', 'data/releases.json'];

let site: Awaited<ReturnType<typeof copyFixture>>;
let server: DevServer;
let built: (path: string) => Promise<string>;

beforeAll(async () => {
  site = await copyFixture('dev-site');
  const configPath = join(site.root, 'gekkan.config.json');
  const config = JSON.parse(await readFile(configPath, 'utf8')) as Record<string, unknown>;
  await writeFile(configPath, JSON.stringify({ ...config, url: SITE_URL }));
  const out = join(site.root, 'dist');
  const io = memoryIo();
  expect(await main(['build', '--root', site.root, '--out', out, '--no-search'], io), io.lines.join('\n')).toBe(0);
  built = (path) => readFile(join(out, path), 'utf8');
  // What build publishes: no drafts, no future issues.
  server = await startDevServer({ root: site.root, port: 0, io: memoryIo(), drafts: false, future: false, search: false });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await site?.remove();
});

const served = async (path: string) => {
  const res = await fetch(new URL(path, server.url));
  expect(res.status, path).toBe(200);
  return res.text();
};
const linkHref = (html: string, rel: string) => html.match(new RegExp(`<link rel="${rel}" href="([^"]*)"`))?.[1];
const metaContent = (html: string, property: string) => html.match(new RegExp(`<meta property="${property}" content="([^"]*)"`))?.[1];

describe('gekkan dev: absolute URLs under a base path with a space', () => {
  it('gives an issue page the canonical link and og:url that build writes', async () => {
    const page = await served(`/${MAY}`);
    const file = await built(`${MAY}index.html`);
    expect(linkHref(file, 'canonical')).toBe('https://example.org/my%20news/issues/2011-05/');
    expect(linkHref(page, 'canonical')).toBe(linkHref(file, 'canonical'));
    expect(metaContent(page, 'og:url')).toBe('https://example.org/my%20news/issues/2011-05/');
    expect(metaContent(page, 'og:url')).toBe(metaContent(file, 'og:url'));
  });

  it('serves feeds, sitemap, robots.txt and data files exactly as build writes them', async () => {
    for (const path of ABSOLUTE_FILES) expect(await served(`/${path}`), path).toBe(await built(path));
    // The feed's copy of May's body links to April on the published site.
    expect(await served('/feed.xml')).toContain('href="https://example.org/my%20news/issues/2011-04/"');
  });

  it('still serves the site itself at "/", links included', async () => {
    const page = await served(`/${MAY}`);
    expect(page).toContain('href="/issues/2011-04/"');
    expect(page).not.toMatch(/(href|src)="\/my%20news\//);
    expect(await served('/issues/2011-04/')).toContain('April notes');
  });
});
