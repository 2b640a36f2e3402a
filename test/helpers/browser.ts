import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { findChromium } from '../../scripts/find-executable.mjs';

/** Flags that keep headless Chromium quiet, offline and root-friendly. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Containers often have a tiny /dev/shm; use /tmp so renderers don't crash.
  '--disable-dev-shm-usage',
];

/**
 * Locates a Chromium/Chrome binary: $CHROMIUM_PATH first, then PATH
 * (chromium, chromium-browser, google-chrome). Throws a clear error if none.
 */
export function chromiumPath(): string {
  const found = findChromium();
  if (found.path !== null) return found.path;
  if (found.error !== undefined) throw new Error(`${found.error}.`);
  throw new Error(
    'Chromium not found (looked at $CHROMIUM_PATH and for chromium, chromium-browser, google-chrome on PATH). ' +
      'Run `node scripts/ensure-test-deps.mjs` as root, or `apt-get install chromium fonts-noto-cjk`, ' +
      'or set CHROMIUM_PATH.',
  );
}

/** Launches headless system Chromium through playwright-core. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
