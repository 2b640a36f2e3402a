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

/**
 * How much longer `run(large)` takes than `run(small)`, after a warm-up run.
 * With large = 12 × small: about 12 when the work grows with the size, up to 144 when
 * it grows with its square; a ratio, so a slow machine does not change it.
 */
export function growth(run: (size: number) => void, small: number, large: number): number {
  const time = (size: number) => {
    const start = performance.now();
    run(size);
    return performance.now() - start;
  };
  time(small / 2);
  const before = time(small);
  return time(large) / before;
}
