import { afterEach, beforeAll } from "vitest";
import { ensureCompiled } from "./run-cli.js";
import { tempSite, type TempDir } from "./temp-site.js";

/**
 * Sites for tests that run the compiled CLI: compiles it once for the file,
 * and removes each test's site after it. `make` is tempSite's.
 */
export function cliSites(): { make: (files: Parameters<typeof tempSite>[0]) => TempDir } {
  let current: TempDir | undefined;
  beforeAll(() => ensureCompiled(), 300_000);
  afterEach(() => {
    current?.remove();
    current = undefined;
  });
  return {
    make(files) {
      current = tempSite(files);
      return current;
    },
  };
}
