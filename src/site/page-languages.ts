import { editionsOf, type Site } from "./model.js";
import { linkedPath, routeFile, routeUrl, servedFile } from "./urls.js";

/** The site's pages by output file ("en/issues/2011-04/index.html"), each with its language. */
export type PageLanguages = ReadonlyMap<string, string>;

/**
 * Every HTML page a build of `site` makes in an edition, with the edition's
 * language: its front page, archive and years, reference and component
 * pages, search page (when `search`), each issue and each old address of it
 * (an alias page leads to the issue, in the issue's language). The 404 page
 * is nobody's link target. test/site/page-languages.test.ts holds this list
 * to the pages a build writes.
 */
export function pageLanguages(site: Site, search: boolean): Map<string, string> {
  const pages = new Map<string, string>();
  for (const edition of editionsOf(site)) {
    const { routes, lang } = edition;
    const fixed = [routes.home, routes.archive, routes.releases, routes.compat, routes.stonith, routes.components, ...(search ? [routes.search] : [])];
    const routeList = [
      ...fixed,
      ...edition.years.map((y) => routes.year(y.year)),
      ...edition.components.map((c) => routes.component(c.name)),
      ...edition.issues.flatMap((entry) => [entry.route, ...entry.aliases]),
    ];
    for (const route of routeList) pages.set(routeFile(route), lang);
  }
  return pages;
}

/**
 * The language of the page of the site a link on the page at `route` lands
 * on (the same resolution as `gekkan check`'s, urls.ts linkedPath), when it
 * is not `lang`, the language of the page the link is on; undefined for a
 * link to a page in that language, to a file that is no page (an image, a
 * feed) and to anything off the site.
 */
export function otherEditionOf(pages: PageLanguages, site: { origin: string; basePath: string }, route: string, lang: string, href: string): string | undefined {
  const linked = linkedPath(site, routeUrl(site.basePath, route), href);
  if (linked.kind !== "site") return undefined;
  const file = servedFile(linked.path, (name) => pages.has(name));
  const target = file === undefined ? undefined : pages.get(file);
  return target === lang ? undefined : target;
}
