import { join } from "node:path";
import { Liquid } from "liquidjs";
import { routeUrl } from "../site/urls.js";

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
  liquid.registerFilter("url", (route: unknown) => routeUrl(basePath, String(route)));
  return liquid;
}

/** Every filter a template may use: LiquidJS's own and gekkan's (`url`), as createLiquid registers them. */
export function liquidFilterNames(): readonly string[] {
  filterNames ??= Object.keys(createLiquid([], "/").filters);
  return filterNames;
}

let filterNames: readonly string[] | undefined;
