import { existsSync } from "node:fs";
import { join, sep } from "node:path";
import { isFile, isFolder, listTree } from "../file-tree.js";
import { packageRoot } from "../package-root.js";

// Kept apart from liquid.ts so the warm-build check can find the template dirs without loading LiquidJS.

/** gekkan's own templates; a site's `templates/` overrides them file by file. */
export const BUILTIN_TEMPLATES = join(packageRoot(), "templates", "/");

export function templateDirs(root: string): string[] {
  const own = join(root, "templates");
  return existsSync(own) && own !== BUILTIN_TEMPLATES.replace(/\/$/, "") ? [own, BUILTIN_TEMPLATES] : [BUILTIN_TEMPLATES];
}

/**
 * The .liquid files in `dirs`, the first folder's file winning over a later
 * one of the same name (as Liquid looks them up), and the folders named so;
 * `names`: each folder's own .liquid names, with "/" (a site's template
 * named like one of gekkan's but for case is found from them).
 */
export function effectiveTemplates(dirs: readonly string[]): { files: string[]; folders: string[]; names: string[][] } {
  const byName = new Map<string, string>();
  const folders: string[] = [];
  const names = dirs.map((dir) => {
    const own: string[] = [];
    for (const name of listTree(dir, false)) {
      const key = name.split(sep).join("/");
      if (!key.endsWith(".liquid")) continue;
      own.push(key);
      if (byName.has(key)) continue;
      const path = join(dir, name);
      if (isFolder(path)) folders.push(path);
      else if (isFile(path)) byName.set(key, path);
    }
    return own;
  });
  return { files: [...byName.values()], folders, names };
}
