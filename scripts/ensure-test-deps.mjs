#!/usr/bin/env node
// Ensures the system tools needed by the browser and HTML-validation tests
// are present: Chromium, a CJK font (fonts-noto-cjk), a Java runtime
// (>= 11, for vnu.jar), Poppler's pdftotext (poppler-utils: the print
// tests read back the PDF Chromium wrote) and strace (a test holds a write
// of gekkan's in progress with it, to signal it then). Missing pieces are installed with apt-get when
// running as root on Debian/Ubuntu; otherwise the script fails with a clear
// message. It never silently skips. Fast and idempotent when all is present.
//
// Plain Node ESM, no dependencies. Run by `npm test` before vitest.

import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, isExecutable, onPath } from './find-executable.mjs';
import { aptInstall, installAccess, runAnnounced } from './apt-install.mjs';

const MIN_JAVA = 11;

const log = (msg) => console.log(`[test-deps] ${msg}`);

function javaVersion(javaPath) {
  const r = spawnSync(javaPath, ['-version'], { encoding: 'utf8', timeout: 30_000 });
  const out = `${r.stderr ?? ''}${r.stdout ?? ''}`;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
  if (!m) return null;
  const major = Number(m[1]);
  // Java 8 and earlier report "1.8.0_…".
  return major === 1 && m[2] ? Number(m[2]) : major;
}

/** @returns {{ path: string | null, error?: string }} */
function findJava() {
  const candidates = [];
  if (process.env.JAVA_HOME) candidates.push(join(process.env.JAVA_HOME, 'bin', 'java'));
  const fromPath = onPath('java');
  if (fromPath) candidates.push(fromPath);
  const tooOld = [];
  for (const c of candidates) {
    if (!isExecutable(c)) continue;
    const v = javaVersion(c);
    if (v !== null && v >= MIN_JAVA) return { path: c };
    tooOld.push(`${c} (version ${v ?? 'unknown'})`);
  }
  if (tooOld.length > 0) {
    return { path: null, error: `found Java but it is older than ${MIN_JAVA} or unusable: ${tooOld.join(', ')}` };
  }
  return { path: null };
}

function hasCjkFont() {
  if (onPath('fc-list')) {
    const r = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8', timeout: 30_000 });
    if (r.status === 0 && r.stdout.trim() !== '') return true;
  }
  const d = spawnSync('dpkg-query', ['-W', '-f=${Status}', 'fonts-noto-cjk'], { encoding: 'utf8' });
  return d.status === 0 && d.stdout.includes('install ok installed');
}

function fail(lines) {
  console.error('');
  console.error('[test-deps] ERROR: required test tools are missing.');
  for (const l of lines) console.error(`[test-deps]   ${l}`);
  console.error('');
  process.exit(1);
}

function check() {
  const chromium = findChromium();
  const java = findJava();
  const cjk = hasCjkFont();
  const pdftotext = onPath('pdftotext');
  const strace = onPath('strace');
  return { chromium, java, cjk, pdftotext, strace };
}

function main() {
  const started = Date.now();
  let state = check();

  // A misconfigured CHROMIUM_PATH is a user error: report it, do not paper over it.
  if (state.chromium.error) {
    fail([state.chromium.error, 'Unset CHROMIUM_PATH or point it at a Chromium/Chrome binary.']);
  }

  const missing = [];
  if (!state.chromium.path) missing.push('chromium');
  if (!state.cjk) missing.push('fonts-noto-cjk');
  if (!state.java.path) missing.push('default-jre-headless');
  if (!state.pdftotext) missing.push('poppler-utils');
  if (!state.strace) missing.push('strace');

  if (missing.length > 0) {
    log(`missing: ${missing.join(', ')}${state.java.error ? ` (${state.java.error})` : ''}`);
    const installCmd = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
    const access = installAccess();
    if (!access.ok && access.why === 'not-root') {
      fail([
        `Not running as root (and no passwordless sudo), so cannot install: ${missing.join(', ')}.`,
        `Install them yourself, e.g.: sudo apt-get update && sudo ${installCmd}`,
        'Alternatively set CHROMIUM_PATH to a Chromium/Chrome binary and JAVA_HOME to a Java >= 11 runtime.',
      ]);
    }
    if (!access.ok) {
      fail([
        `apt-get not found, so cannot install: ${missing.join(', ')}.`,
        'Install Chromium (or Chrome), a Japanese font (Noto CJK) and Java >= 11 with your package manager,',
        'or set CHROMIUM_PATH and JAVA_HOME.',
      ]);
    }
    try {
      log('installing with apt-get (this can take a few minutes on a fresh machine)...');
      if (missing.includes('default-jre-headless')) {
        // Slim Debian images omit /usr/share/man, which makes the JRE's
        // postinst (update-alternatives for java.1.gz) fail.
        if (access.sudo) runAnnounced('mkdir', ['-p', '/usr/share/man/man1'], true, log);
        else mkdirSync('/usr/share/man/man1', { recursive: true });
      }
      aptInstall(access, missing, log);
    } catch (err) {
      fail([
        `Installation failed: ${err instanceof Error ? err.message : String(err)}`,
        `Try manually: apt-get update && ${installCmd}`,
      ]);
    }
    state = check();
    const still = [];
    if (!state.chromium.path) still.push('chromium (no chromium/chromium-browser/google-chrome on PATH after install)');
    if (!state.cjk) still.push('fonts-noto-cjk (no Japanese font reported by fc-list after install)');
    if (!state.java.path) still.push(`java >= ${MIN_JAVA}${state.java.error ? ` (${state.java.error})` : ''}`);
    if (!state.pdftotext) still.push('poppler-utils (no pdftotext on PATH after install)');
    if (!state.strace) still.push('strace (no strace on PATH after install)');
    if (still.length > 0) fail([`Still missing after install: ${still.join('; ')}`]);
  }

  log(`chromium: ${state.chromium.path}`);
  log(`java:     ${state.java.path}`);
  log(`cjk font: ok`);
  log(`pdftotext: ${state.pdftotext}`);
  log(`strace:   ${state.strace}`);
  log(`ready (${Date.now() - started} ms)`);
}

main();
