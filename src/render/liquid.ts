import { join } from "node:path";
import { Liquid, toValue, type FilterImplOptions } from "liquidjs";
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
    // Dates here are calendar days ("2011-04-01", read as UTC midnight): formatted in the machine's zone, `| date`
    // gave the day before west of UTC, and a page cached in one zone kept its day when a build in another would not.
    // UTC, as the locale packs format dates (locale.ts).
    timezoneOffset: 0,
  });
  liquid.registerFilter("url", (route: unknown) => routeUrl(basePath, String(route)));
  refuseTheClock(liquid);
  return liquid;
}

/** LiquidJS's filters that read "now" and "today" as the clock (its parseDate; date_to_xmlschema goes through date). */
const DATE_FILTERS = ["date", "date_to_xmlschema", "date_to_rfc822", "date_to_string", "date_to_long_string"] as const;

/**
 * `{{ "now" | date: "%Y" }}` is the moment the page was rendered, read from
 * the clock: not from SOURCE_DATE_EPOCH, and in no cache key. A page reused
 * from the cache (or a build answered "up to date") would keep last year's
 * date while a --no-cache build shows this year's, and two builds of the
 * same inputs would differ. So the date filters refuse it, at its place in
 * the template, like an undefined variable; dates from the content work as before.
 */
function refuseTheClock(liquid: Liquid): void {
  for (const name of DATE_FILTERS) {
    const filter: FilterImplOptions | undefined = liquid.filters[name];
    if (typeof filter !== "function") continue;
    liquid.registerFilter(name, function (this: ThisParameterType<typeof filter>, value: unknown, ...args: unknown[]) {
      const given: unknown = toValue(value);
      if (given === "now" || given === "today") throw new Error(clockMessage(given, name));
      return filter.call(this, value, ...args) as unknown;
    });
  }
}

function clockMessage(given: string, filter: string): string {
  return `"${given}" | ${filter} is the time of the build, which would make the same inputs build to different pages (and a cached page keep an old date); write the date or year itself, or use a date from the content, such as an issue's`;
}

/** Every filter a template may use: LiquidJS's own and gekkan's (`url`), as createLiquid registers them. */
export function liquidFilterNames(): readonly string[] {
  filterNames ??= Object.keys(createLiquid([], "/").filters);
  return filterNames;
}

let filterNames: readonly string[] | undefined;

/** Every tag a template may use, as createLiquid registers them ("#", the inline comment, is no name to suggest). */
export function liquidTagNames(): readonly string[] {
  tagNames ??= Object.keys(createLiquid([], "/").tags).filter((name) => /^\w+$/.test(name));
  return tagNames;
}

let tagNames: readonly string[] | undefined;
