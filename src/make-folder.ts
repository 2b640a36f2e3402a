import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * `mkdir -p` made one folder at a time, not by Node's recursive mkdir: under
 * /proc, a folder that cannot be made is refused as "no such file" while
 * its parent is there, and Node's recursive mkdir tries that again forever,
 * so `--out /proc/x` or `--cache-dir /proc/x` hung at full CPU. Here the
 * first refusal ends it with that error. Like Node's, it returns the first
 * folder it made (undefined when all were there), and a file in the way is
 * an EEXIST or ENOTDIR error.
 */
export function makeFolder(path: string): string | undefined {
  const missing: string[] = [];
  for (let at = resolve(path); statSync(at, { throwIfNoEntry: false }) === undefined; at = dirname(at)) {
    missing.push(at);
    if (dirname(at) === at) break;
  }
  let first: string | undefined;
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
      first ??= folder;
    } catch (error) {
      // Made meanwhile by another process (two builds at once): there all the same, as Node's would say.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || !statSync(folder).isDirectory()) throw error;
    }
  }
  if (!statSync(path).isDirectory()) throw Object.assign(new Error(`EEXIST: file already exists, mkdir '${path}'`), { code: "EEXIST", syscall: "mkdir", path });
  return first;
}
