// Where the test tools are: one lookup for scripts/ensure-test-deps.mjs (run before
// compiling, so plain Node ESM) and the browser tests (test/helpers/browser.ts).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** @param {string} file */
export function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} name @returns {string | null} */
export function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/**
 * $CHROMIUM_PATH first, then the usual names on PATH.
 * @returns {{ path: string | null, error?: string }}
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv };
    return { path: null, error: `CHROMIUM_PATH is set to "${fromEnv}" but that is not an executable file` };
  }
  for (const name of CHROMIUM_NAMES) {
    const found = onPath(name);
    if (found) return { path: found };
  }
  return { path: null };
}
