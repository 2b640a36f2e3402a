import { existsSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../package-root.js";

// Kept apart from liquid.ts so the warm-build check can find the template dirs without loading LiquidJS.

/** gekkan's own templates; a site's `templates/` overrides them file by file. */
export const BUILTIN_TEMPLATES = join(packageRoot(), "templates", "/");

export function templateDirs(root: string): string[] {
  const own = join(root, "templates");
  return existsSync(own) && own !== BUILTIN_TEMPLATES.replace(/\/$/, "") ? [own, BUILTIN_TEMPLATES] : [BUILTIN_TEMPLATES];
}
