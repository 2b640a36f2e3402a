import { lstatSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { insideSite, realSiteRoot } from "../content/source-tree.js";

/**
 * Whether the watcher must stay out of `path` (root-relative `rel`, with
 * "/"): "link" for a symbolic link the build does not follow, "inside" for
 * anything reached through one, or false. The build's own rules: a link
 * that leads outside the site is never read; in content/ and templates/ a
 * link back to a folder it sits in is a loop; public/ copies no link, so
 * nothing behind one is watched.
 *
 * Why: chokidar follows every link it meets, and tells paths apart by name,
 * so two links to "." are followed round and round (2^40 paths before the
 * kernel says ELOOP), and a link in public/ to the site root watched the
 * whole site (node_modules included) a second time, and a third…
 */
export function linkGuard(root: string): (path: string, rel: string) => "link" | "inside" | false {
  const realRoot = realSiteRoot(root);
  return (path, rel) => {
    const real = realOf(path);
    const parts = rel.split("/");
    const lexical = join(realRoot, ...parts);
    // Missing, broken or a loop of links: not entered anyway, and watched so that its removal is seen.
    if (real === undefined || real === lexical) return false;
    const kind = isLink(path) ? "link" : "inside";
    if (parts[0] === "public" || !insideSite(realRoot, real)) return kind;
    for (let i = 1; i < parts.length; i++) if (realOf(join(root, ...parts.slice(0, i))) === real) return kind;
    return false;
  };
}

function realOf(path: string): string | undefined {
  try {
    // One system call: this runs for every path the watcher meets.
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
