import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { PlainError } from "../diagnostics.js";
import { contains, realPath } from "./real-path.js";

/** Site folders the cache must stay out of, and what putting it there would do. */
const NOT_HERE = [
  ["public", "whose files are published, so the cache would go out to readers with the site"],
  ["content", "which holds your issues, so the cache's files would be mixed in with them (and committed)"],
  ["templates", "which holds your templates, so the cache's files would be mixed in with them (and committed)"],
  [".git", "which is git's own"],
] as const;

/**
 * Throws when `--cache-dir` names a folder the cache must not be kept in:
 * the cache writes a dozen files of its own there and keeps them between
 * builds, so in `public/` or the output folder it would be published (or
 * replaced on every build), and among the author's sources it would be
 * committed with them. Checked before any work, as the output folder is.
 */
export function assertSafeCacheDir(root: string, cacheDir: string, out: string): void {
  const reason = cacheDirProblem(root, cacheDir, out);
  if (reason !== undefined) throw new PlainError(`refusing to keep the cache in ${JSON.stringify(cacheDir)}: ${reason}; choose a folder of its own, such as the default .gekkan/cache/`);
}

function cacheDirProblem(root: string, cacheDir: string, out: string): string | undefined {
  const site = realPath(resolve(root));
  const target = realPath(resolve(cacheDir));
  const output = realPath(resolve(out));
  if (target === site) return "that is the site folder itself, so the cache's files would lie beside the config and content/";
  if (target === output || contains(output, target)) return `that is ${target === output ? "" : "inside "}the output folder, which every build replaces as a whole (and publishes)`;
  for (const [name, why] of NOT_HERE) {
    const folder = realPath(join(site, name));
    if (target === folder || contains(folder, target)) return `that is ${target === folder ? "" : "inside "}the site's ${name}/ folder, ${why}`;
  }
  return isFile(target) ? "that is an existing file, not a folder" : undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === false;
  } catch {
    // A path under a file: saving reports that as a warning, and the site is built all the same.
    return false;
  }
}
