// Installing Debian packages from the project's own scripts: the test tools
// (scripts/ensure-test-deps.mjs) and the benchmark's Hugo (bench/run.mjs).
// One place decides whether this machine lets us install (root, or
// passwordless sudo as on CI runners, and apt-get present) and how the
// install is run and announced. Plain Node ESM, no dependencies.

import { spawnSync } from 'node:child_process';
import { isExecutable, onPath } from './find-executable.mjs';

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Non-root with passwordless sudo (e.g. GitHub Actions runners) can still install. */
function canSudo() {
  if (!onPath('sudo')) return false;
  const r = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 });
  return r.status === 0;
}

/** @returns {string | null} */
function aptGetPath() {
  return onPath('apt-get') ?? (isExecutable('/usr/bin/apt-get') ? '/usr/bin/apt-get' : null);
}

/**
 * How packages could be installed here, or why not.
 * @returns {{ ok: true, aptGet: string, sudo: boolean } | { ok: false, why: 'not-root' | 'no-apt' }}
 */
export function installAccess() {
  const root = isRoot();
  const sudo = !root && canSudo();
  if (!root && !sudo) return { ok: false, why: 'not-root' };
  const aptGet = aptGetPath();
  if (aptGet === null) return { ok: false, why: 'no-apt' };
  return { ok: true, aptGet, sudo };
}

/**
 * Runs a command (through sudo when asked), its output shown, and throws
 * with the command in the message when it fails.
 * @param {string} cmd @param {string[]} args @param {boolean} useSudo @param {(msg: string) => void} log
 */
export function runAnnounced(cmd, args, useSudo, log) {
  const [file, argv] = useSudo
    ? ['sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', cmd, ...args]]
    : [cmd, args];
  log(`$ ${useSudo ? 'sudo ' : ''}${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(file, argv, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) throw new Error(`could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with status ${r.status}`);
  log(`  done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

/**
 * `apt-get update` then `apt-get install -y --no-install-recommends PACKAGES`,
 * waiting for another apt run's lock rather than failing on it.
 * @param {{ aptGet: string, sudo: boolean }} access @param {string[]} packages @param {(msg: string) => void} log
 */
export function aptInstall(access, packages, log) {
  const lock = ['-q', '-o', 'DPkg::Lock::Timeout=300'];
  runAnnounced(access.aptGet, [...lock, 'update'], access.sudo, log);
  runAnnounced(access.aptGet, [...lock, 'install', '-y', '--no-install-recommends', ...packages], access.sudo, log);
}
