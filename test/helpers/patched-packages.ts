import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * For the tests of patches/: each patched package is installed a second time, as
 * published, under `<name>-unpatched` (package.json), so a test can compare the two.
 */
const require = createRequire(import.meta.url);

/** The package's own folder: the one of its package.json above the entry the loader resolves (which may be `dev/index.js`). */
export function packageDir(pkg: string): string {
  let dir = dirname(require.resolve(pkg));
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return dir;
}

/** One file of a package, as installed. */
export function packageFile(pkg: string, file: string): string {
  return readFileSync(join(packageDir(pkg), file), "utf8");
}

/** A module of a package by its file, past the package's export conditions: the patched build and its published twin. */
export async function loadPackageFile<T>(pkg: string, file: string): Promise<T> {
  return (await import(pathToFileURL(join(packageDir(pkg), file)).href)) as T;
}
