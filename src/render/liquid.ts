import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Liquid } from "liquidjs";

/** gekkan's own templates; a site's `templates/` overrides them file by file. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

export function templateDirs(root: string): string[] {
  const own = join(root, "templates");
  return existsSync(own) && own !== BUILTIN_TEMPLATES.replace(/\/$/, "") ? [own, BUILTIN_TEMPLATES] : [BUILTIN_TEMPLATES];
}

/**
 * The Liquid environment. Output is HTML-escaped unless a template says
 * `| raw` (used only for HTML gekkan produced and sanitised), and an
 * undefined variable is an error, not an empty string.
 */
export function createLiquid(dirs: readonly string[], basePath: string): Liquid {
  const liquid = new Liquid({
    root: [...dirs],
    partials: [...dirs],
    layouts: dirs.map((d) => join(d, "layouts")),
    extname: ".liquid",
    outputEscape: "escape",
    strictVariables: true,
    strictFilters: true,
    cache: true,
    jsTruthy: false,
  });
  liquid.registerFilter("url", (route: unknown) => basePath + String(route).replace(/^\/+/, ""));
  return liquid;
}
