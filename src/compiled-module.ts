import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A compiled module `name` in `folder` of src/ (e.g. "pipeline"), for a
 * worker thread to load: beside the caller when it runs from lib/; from
 * src/ (tests run TypeScript) the compiled copy in lib/.
 */
export function compiledModule(callerUrl: string, folder: string, name: string): string {
  const here = dirname(fileURLToPath(callerUrl));
  const sibling = join(here, `${name}.js`);
  return existsSync(sibling) ? sibling : join(here, "..", "..", "lib", folder, `${name}.js`);
}
