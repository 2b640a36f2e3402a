import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { copyFixture, memoryIo } from '../helpers/dev-server.js';

let site: { root: string; remove: () => Promise<void> };

beforeAll(async () => {
  site = await copyFixture('dev-site');
});
afterAll(async () => {
  await site.remove();
});

/** Runs the compiled CLI until it prints its URL, then sends `signal`. */
function runUntilServing(signal: NodeJS.Signals, extra: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; stdout: string; url: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [resolve('bin/gekkan.js'), 'dev', '--root', site.root, '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let url = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', async (chunk: string) => {
      stdout += chunk;
      const found = /serving (http:\/\/\S+)/.exec(stdout);
      if (found?.[1] && url === '') {
        url = found[1];
        const res = await fetch(url);
        if (res.status !== 200) fail(new Error(`dev server answered ${res.status}`));
        child.kill(signal);
      }
    });
    child.on('error', fail);
    child.on('exit', (code) => ok({ code, stdout, url }));
  });
}

/** Runs the compiled CLI's dev command to its exit (or kills it after 30 s). */
function runToExit(extra: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [resolve('bin/gekkan.js'), 'dev', '--root', site.root, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      ok({ code, stderr });
    });
  });
}

describe('gekkan dev (CLI)', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('serves on 127.0.0.1 and exits 0 on %s, closing server and watcher', async (signal) => {
    const run = await runUntilServing(signal);
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gekkan dev: stopped');
  });

  it('says at start-up what it shows that a build leaves out', async () => {
    // The README's promise: drafts and future-dated issues are both in the preview, unless --no-drafts.
    expect((await runUntilServing('SIGINT')).stdout).toMatch(/^gekkan dev: built .* \(drafts and scheduled issues shown\) in \d+ ms$/m);
    expect((await runUntilServing('SIGINT', ['--no-drafts'])).stdout).toMatch(/^gekkan dev: built .* \(drafts hidden, scheduled issues shown\) in \d+ ms$/m);
  });

  it('--open hands the served URL to $BROWSER', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gekkan-open-'));
    const opener = join(dir, 'opener.sh');
    const seen = join(dir, 'seen.txt');
    await writeFile(opener, `#!/bin/sh\necho "$1" > ${JSON.stringify(seen)}\n`, { mode: 0o755 });
    try {
      const run = await runUntilServing('SIGINT', ['--open'], { ...process.env, BROWSER: opener });
      expect(run.code).toBe(0);
      // The opener runs detached; give it a moment to write.
      let opened = '';
      for (let i = 0; i < 50 && opened === ''; i++) {
        opened = await readFile(seen, 'utf8').catch(() => '');
        if (opened === '') await new Promise((r) => setTimeout(r, 100));
      }
      expect(opened.trim()).toBe(run.url);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['192.0.2.1', 'gekkan dev: --host 192.0.2.1 is not an address of this machine; give one of its own, such as 127.0.0.1 (the default), or 0.0.0.0 for every interface'],
    ['nosuchhost.invalid', 'gekkan dev: --host nosuchhost.invalid: no such host name here; give an address of this machine, such as 127.0.0.1 (the default), or 0.0.0.0 for every interface'],
  ])('a --host it cannot listen on (%s) is a usage error in words, not an internal error', async (host, message) => {
    // 192.0.2.1 is a documentation address (RFC 5737) no machine has; .invalid names never resolve (RFC 2606).
    const run = await runToExit(['--host', host, '--port', '0']);
    expect(run.stderr.split('\n')[0]).toBe(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(2);
  });

  it('rejects a bad --port as a usage error', async () => {
    const io = memoryIo();
    expect(await main(['dev', '--port', 'eighty'], io)).toBe(2);
    expect(io.lines.join('\n')).toContain('--port must be a whole number');
  });

  it('lists dev, new and check in the help', async () => {
    const io = memoryIo();
    expect(await main(['--help'], io)).toBe(0);
    for (const name of ['dev', 'new', 'check']) expect(io.lines.join('\n')).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
  });
});
