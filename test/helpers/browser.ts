import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

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

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Locates a Chromium/Chrome binary: $CHROMIUM_PATH first, then PATH
 * (chromium, chromium-browser, google-chrome). Throws a clear error if none.
 */
export function chromiumPath(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to "${fromEnv}" but that is not an executable file.`);
  }
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter((d) => d !== '');
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
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
