/**
 * Smoke test for the real-browser / validation test infrastructure in
 * test/helpers/. Each helper is exercised on a good input (must pass) and a
 * deliberately bad one (must fail), so a silently broken helper cannot make
 * the real site tests pass vacuously.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';

import { formatAxeViolations, runAxe } from '../helpers/axe.js';
import { launchChromium } from '../helpers/browser.js';
import { crawlSite, formatBrokenLinks, htmlReferences, parseSrcset } from '../helpers/crawl.js';
import { serveDir, type StaticServer } from '../helpers/static-server.js';
import { countVnuErrors, formatVnuErrors, validateHtml } from '../helpers/vnu.js';

const RESULTS_DIR = resolve('test-results');

let tmp: string;
let site: string;
let server: StaticServer;
let browser: Browser;

const page = (lang: string, title: string, body: string, head = ''): string => `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/gekkan/style.css">
${head}
</head>
<body>
${body}
</body>
</html>
`;

async function write(rel: string, content: string): Promise<void> {
  const file = join(site, rel);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
}

/** Raw GET that does not normalise the path (fetch would collapse '..'). */
function rawGet(origin: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((ok, fail) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gekkan-infra-'));
  site = join(tmp, 'site');
  await mkdir(site);
  await writeFile(join(tmp, 'secret.txt'), 'TOP-SECRET-OUTSIDE-ROOT');
  server = await serveDir(site, { basePath: '/gekkan/' });

  await write(
    'index.html',
    page(
      'ja',
      '月刊テスト 第1号',
      `<header><p><a href="/gekkan/">月刊テスト</a></p></header>
<main>
<h1 id="toc">第1号：春の特集</h1>
<p>日本語の本文です。吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。</p>
<p><img src="img/logo.svg" alt="ロゴ" width="64" height="64"></p>
<picture><source srcset="img/logo.svg 1x, /gekkan/img/logo.svg 2x" type="image/svg+xml"><img src="img/logo.svg" alt="ロゴ（大）" width="128" height="128"></picture>
<ul>
<li><a href="about/">このサイトについて</a></li>
<li><a href="mailto:editor@example.com">メール</a></li>
<li><a href="https://example.com/elsewhere">外部リンク</a></li>
<li><a href="#top">ページの先頭へ</a></li>
</ul>
</main>
<footer><p>&copy; 2025 月刊テスト</p></footer>`,
      `<link rel="alternate" type="application/atom+xml" title="フィード" href="feed.xml">
<meta property="og:image" content="${server.url('img/logo.svg')}">
<meta property="og:url" content="https://example.com/gekkan/">`,
    ),
  );
  await write(
    'about/index.html',
    page(
      'en',
      'About',
      `<main>
<h1>About this newsletter</h1>
<p><a href="../">Home</a> <a href="../#toc">Contents</a> <a href="../#no-such-anchor">Missing anchor</a></p>
<p><a href="../no-such-page/">A deliberately broken link</a></p>
<p><img src="/gekkan/img/missing.png" alt="A deliberately missing image"></p>
<p><a href="/style.css">Link that forgot the base path</a></p>
</main>`,
    ),
  );
  await write('404.html', page('en', 'Not found', '<main><h1>Page not found</h1><p><a href="/gekkan/">Home</a></p></main>'));
  // Invalid HTML and inaccessible: no lang, no title, img without alt, stray end tag.
  await write(
    'bad.html',
    `<!DOCTYPE html>
<html>
<head><meta charset="utf-8"></head>
<body>
<div><img src="img/logo.svg"></span></div>
<p style="color:#777;background:#888">Low contrast text</p>
</body>
</html>
`,
  );
  await write(
    'style.css',
    `body { font-family: "Noto Sans CJK JP", "Noto Sans JP", sans-serif; margin: 2rem; background: url("img/logo.svg") no-repeat right top / 32px; }\n`,
  );
  await write(
    'img/logo.svg',
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#c00"/></svg>\n',
  );
  await write('feed.xml', '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>\n');
  await write('pagefind/pagefind-entry.json', '{"version":"1.0.0"}');
  await write('pagefind/wasm.unknown.pagefind', 'binary');
  await write('pagefind/index/en_abc.pf_meta', 'binary');

  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('static server', () => {
  it('serves directory indexes under the base path with correct content types', async () => {
    const cases: Array<[string, number, string]> = [
      ['', 200, 'text/html'],
      ['about/', 200, 'text/html'],
      ['style.css', 200, 'text/css'],
      ['feed.xml', 200, 'application/xml'],
      ['img/logo.svg', 200, 'image/svg+xml'],
      ['pagefind/pagefind-entry.json', 200, 'application/json'],
      ['pagefind/wasm.unknown.pagefind', 200, 'application/octet-stream'],
      ['pagefind/index/en_abc.pf_meta', 200, 'application/octet-stream'],
    ];
    for (const [path, status, type] of cases) {
      const res = await fetch(server.url(path));
      expect({ path, status: res.status, type: res.headers.get('content-type')?.split(';')[0] }).toEqual({ path, status, type });
      await res.arrayBuffer();
    }
    const index = await (await fetch(server.url(''))).text();
    expect(index).toContain('第1号');
  });

  it('redirects slashless directories and serves 404.html with status 404', async () => {
    const dirRes = await fetch(server.url('about'), { redirect: 'manual' });
    expect(dirRes.status).toBe(301);
    expect(dirRes.headers.get('location')).toBe('/gekkan/about/');
    const baseRes = await fetch(`${server.origin}/gekkan`, { redirect: 'manual' });
    expect(baseRes.status).toBe(301);
    expect(baseRes.headers.get('location')).toBe('/gekkan/');

    const missing = await fetch(server.url('nope/'));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
    const outsideBase = await fetch(`${server.origin}/index.html`);
    expect(outsideBase.status).toBe(404);
    await outsideBase.arrayBuffer();
  });

  it('never serves files outside the root', async () => {
    for (const path of ['/gekkan/../secret.txt', '/gekkan/%2e%2e/secret.txt', '/gekkan/..%2fsecret.txt', '/gekkan/about/../../secret.txt', '/gekkan/%2e%2e%5csecret.txt']) {
      const res = await rawGet(server.origin, path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.body).not.toContain('TOP-SECRET');
    }
  });
});

describe('chromium', () => {
  let p: Page;

  beforeAll(async () => {
    p = await browser.newPage({ viewport: { width: 800, height: 600 } });
  });
  afterAll(async () => {
    await p?.close();
  });

  it('renders the Japanese page with a CJK font and takes a screenshot', async () => {
    const res = await p.goto(server.url(''));
    expect(res?.status()).toBe(200);
    expect(await p.title()).toBe('月刊テスト 第1号');
    await mkdir(RESULTS_DIR, { recursive: true });
    await p.screenshot({ path: join(RESULTS_DIR, 'infra-ja.png'), fullPage: true });

    // Ask Chromium which platform fonts actually drew the heading's glyphs.
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const families = fonts.map((f) => f.familyName);
    expect(families.some((f) => /CJK|JP/i.test(f)), `fonts used for <h1>: ${families.join(', ')}`).toBe(true);
    await cdp.detach();
  });

  it('axe: zero serious/critical violations on a well-formed page', async () => {
    await p.goto(server.url(''));
    const violations = await runAxe(p);
    expect(formatAxeViolations(violations, 'index')).toBe('');
  });

  it('axe: reports violations on a deliberately inaccessible page', async () => {
    await p.goto(server.url('bad.html'));
    const violations = await runAxe(p);
    const ids = violations.map((v) => v.id);
    expect(ids).toContain('image-alt');
    expect(ids).toContain('html-has-lang');
    expect(formatAxeViolations(violations)).toMatch(/\[critical\] image-alt/);
  });
});

describe('vnu', () => {
  it('validates many files in one run: good pages clean, broken page has errors', async () => {
    const good = ['index.html', 'about/index.html', '404.html'].map((f) => join(site, f));
    const bad = join(site, 'bad.html');
    const results = await validateHtml([...good, bad]);

    const goodOnly = new Map([...results].filter(([file]) => file !== bad));
    expect(formatVnuErrors(goodOnly, site)).toBe('');

    const badErrors = results.get(bad) ?? [];
    expect(badErrors.length).toBeGreaterThan(0);
    expect(countVnuErrors(results)).toBe(badErrors.length);
    const report = formatVnuErrors(results, site);
    expect(report).toMatch(/^bad\.html: \d+ error\(s\)/);
    expect(report).toMatch(/alt/);
  });

  it('reports unreadable files instead of passing them', async () => {
    const ghost = join(site, 'does-not-exist.html');
    const results = await validateHtml([ghost]);
    expect(countVnuErrors(results)).toBeGreaterThan(0);
  });
});

describe('crawler', () => {
  it('parses srcset and references', () => {
    expect(parseSrcset('a.png 1x, b.png 2x,c.png')).toEqual(['a.png', 'b.png', 'c.png']);
    expect(parseSrcset('img/x,y.png 100w, z.png 200w')).toEqual(['img/x,y.png', 'z.png']);
    const { refs, ids } = htmlReferences(
      `<!-- <a href="commented.html"> --><a id=x href='a.html?x=1&amp;y=2'>a</a><script>var s = "<a href='nope.html'>"</script><script src=app.js></script><link rel=preconnect href="https://x"><img srcset="i1.png 1x, i2.png 2x"><meta property="og:image" content="/og.png">`,
    );
    expect(refs.map((r) => r.raw)).toEqual(['a.html?x=1&y=2', 'app.js', 'i1.png', 'i2.png', '/og.png']);
    expect([...ids]).toEqual(['x']);
  });

  it('finds every broken same-origin link and where it was found', async () => {
    const result = await crawlSite(server.origin, '/gekkan/');
    const brokenPaths = result.broken.map((b) => new URL(b.url).pathname).sort();
    expect(brokenPaths, formatBrokenLinks(result.broken, server.origin)).toEqual([
      '/gekkan/img/missing.png',
      '/gekkan/no-such-page/',
      '/style.css',
    ]);
    for (const b of result.broken) {
      expect(b.status).toBe(404);
      expect(b.foundOn.map((r) => r.page)).toEqual([server.url('about/')]);
    }
    const report = formatBrokenLinks(result.broken, server.origin);
    expect(report).toContain('/gekkan/no-such-page/  HTTP 404');
    expect(report).toContain('on /gekkan/about/ via a[href]="../no-such-page/"');

    const seen = [...result.statuses.keys()].map((u) => new URL(u).pathname);
    // Followed: pages, stylesheet, CSS url(), img, srcset, alternate feed, og:image.
    expect(seen).toEqual(expect.arrayContaining(['/gekkan/', '/gekkan/about/', '/gekkan/style.css', '/gekkan/img/logo.svg', '/gekkan/feed.xml']));
    // Ignored: external origins, mailto:, fragment-only.
    expect([...result.statuses.keys()].every((u) => u.startsWith(server.origin))).toBe(true);
    expect(result.pages.map((u) => new URL(u).pathname)).toEqual(['/gekkan/', '/gekkan/about/']);
    expect(result.truncated).toBe(false);
  });

  it('optionally checks #fragment targets', async () => {
    const result = await crawlSite(server.origin, '/gekkan/', { checkFragments: true });
    const missing = result.broken.filter((b) => b.status === -1);
    // '#toc' exists; '#top' has no element but is valid per HTML (scrolls to top); '#no-such-anchor' is broken.
    expect(missing.map((b) => b.url)).toEqual([server.url('#no-such-anchor')]);
    expect(missing[0]?.foundOn.map((r) => r.raw)).toEqual(['../#no-such-anchor']);
    expect(formatBrokenLinks(result.broken, server.origin)).toContain('/gekkan/#no-such-anchor  missing #fragment');
  });
});
