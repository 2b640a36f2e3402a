import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * gekkan's own package folder: the nearest folder holding a package.json
 * above this module. Found by walking up, not by a fixed "../..": the
 * same code runs from src/ (tests), lib/ (compiled) and lib/bundle/
 * (the bundled CLI, scripts/bundle.mjs), each at its own depth.
 */
export function packageRoot(): string {
  const from = dirname(fileURLToPath(import.meta.url));
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`gekkan bug: no package.json above ${from}`);
  }
}
