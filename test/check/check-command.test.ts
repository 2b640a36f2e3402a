import { existsSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { runCheck, type CheckReport } from '../../src/check/run-check.js';
import { javaBinary, VnuUnavailableError } from '../../src/check/vnu.js';
import { copyFixture, memoryIo } from '../helpers/dev-server.js';

const THIRD = 'content/issues/2011/2011-06.md';

async function gekkanCheck(root: string, ...args: string[]) {
  const io = memoryIo();
  const code = await main(['check', '--root', root, ...args], io);
  return { code, output: io.lines.join('\n') };
}

describe('gekkan check on a site with broken references', () => {
  let report: CheckReport;
  let lines: string[];

  beforeAll(async () => {
    report = await runCheck({ root: resolve('test/fixtures/check-broken') });
    lines = report.errors.map(formatDiagnostic);
  });

  it('reports a broken page link at its line and column in the Markdown', () => {
    expect(lines).toContain(`${THIRD}:9:1  broken link "/issues/2011-13/": nothing is published at /issues/2011-13/ — did you mean "/issues/2011-04/"?`);
  });

  it('reports a broken anchor into another issue, suggesting the block id that exists', () => {
    expect(lines).toContain(`${THIRD}:11:14  broken anchor in link "/issues/2011-04/#pacemaker-1-0-12": /issues/2011-04/ has no element with id "pacemaker-1-0-12" — did you mean "#pacemaker-1-0-11"?`);
  });

  it('reports a missing image and where to put it', () => {
    expect(lines).toContain(`${THIRD}:13:1  broken image "/images/missing.png": nothing is published at /images/missing.png; put the file at public/images/missing.png`);
  });

  it('names the missing image as its file is named on disk, spaces and Japanese decoded', async () => {
    const site = await copyFixture('check-broken');
    try {
      const file = join(site.root, THIRD);
      await writeFile(file, `${await readFile(file, 'utf8')}\n![構成図](/images/クラスタ%20構成.png)\n`);
      const broken = (await runCheck({ root: site.root })).errors.map(formatDiagnostic);
      expect(broken.find((l) => l.includes('クラスタ'))).toMatch(/; put the file at public\/images\/クラスタ 構成\.png$/);
    } finally {
      await site.remove();
    }
  });

  it('reports a missing file referenced from a stylesheet in public/ at the stylesheet', () => {
    expect(lines.filter((l) => l.startsWith('public/extra.css:2:15  broken reference "missing-bg.png"'))).toHaveLength(1);
  });

  it('accepts a link to a block anchor in another issue, and reports each problem once', () => {
    expect(report.errors.filter((m) => m.file === THIRD && m.line === 9 && m.column === 3)).toEqual([]);
    expect(report.errors).toHaveLength(4);
  });

  it('warns (without failing) about a gap in the issue numbers', () => {
    expect(report.warnings.map(formatDiagnostic)).toEqual([
      `${THIRD}:3:1  warning: issue numbers jump from 1 (content/issues/2011/2011-04.md) to 3: issue 2 is missing`,
    ]);
  });

  it('exits 1 with a summary line, and writes nothing', async () => {
    const site = await copyFixture('check-broken');
    try {
      const run = await gekkanCheck(site.root);
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/^gekkan check: \d+ pages, \d+ links checked \(4 from Markdown\), drafts and scheduled issues included in \d+ ms: 4 errors, 1 warning$/m);
      expect(existsSync(join(site.root, 'dist'))).toBe(false);
    } finally {
      await site.remove();
    }
  });
});

describe('gekkan check on a clean site', () => {
  it('passes: cross-issue block anchors, same-page anchors, base path and public images all resolve', async () => {
    const site = await copyFixture('check-clean');
    try {
      const run = await gekkanCheck(site.root);
      expect(run.output).toMatch(/^gekkan check: \d+ pages, \d+ links checked \(6 from Markdown\), drafts and scheduled issues included in \d+ ms: 0 errors, 0 warnings$/m);
      expect(run.code).toBe(0);
      expect(existsSync(join(site.root, 'dist'))).toBe(false);
    } finally {
      await site.remove();
    }
  });

  it('fails with the located build error when the site does not build', async () => {
    const site = await copyFixture('check-clean');
    try {
      const file = join(site.root, 'content/issues/2011/2011-05.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace('issue: 2', 'issue: two'));
      const run = await gekkanCheck(site.root);
      expect(run.code).toBe(1);
      expect(run.output).toContain('content/issues/2011/2011-05.md:3:8');
      expect(run.output).toContain('gekkan check: the site does not build: 1 error');
    } finally {
      await site.remove();
    }
  });
});

describe('gekkan check --html', () => {
  let site: { root: string; remove: () => Promise<void> };
  beforeAll(async () => {
    site = await copyFixture('check-clean');
  });
  afterAll(async () => {
    await site.remove();
  });

  it('validates every page with the Nu Html Checker and reports invalid HTML at the page, a copied one at its file in public/', async () => {
    const clean = await gekkanCheck(site.root, '--html');
    expect(clean.code).toBe(0);
    expect(clean.output).toMatch(/, (\d+) validated as HTML, .*: 0 errors/);

    await mkdir(join(site.root, 'public'), { recursive: true });
    await writeFile(join(site.root, 'public/legacy.html'), '<!doctype html>\n<html lang="en">\n<head><title>x</title></head>\n<body><p><div>bad nesting</p></body></html>\n');
    const broken = await gekkanCheck(site.root, '--html');
    expect(broken.code).toBe(1);
    // A page of public/ is published as it is: reported at the file, the built page's place after it.
    expect(broken.output).toMatch(/^public\/legacy\.html:4:(\d+)  invalid HTML \(Nu Html Checker\): .* \(in the built page \/newsletter\/legacy\.html:4:\1\)$/m);
  });

  it('explains what is missing when Java cannot be found', () => {
    expect(() => javaBinary({ PATH: '' })).toThrow(VnuUnavailableError);
    expect(() => javaBinary({ PATH: '' })).toThrow(/needs Java 11 or later/);
  });
});
