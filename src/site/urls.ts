/**
 * Routes are site-relative and end in "/" for pages ("issues/2011-04/") or a
 * file name for assets ("feed.xml"). URLs add the base path; output paths
 * map a route to a file under the output directory.
 */
export function routeUrl(basePath: string, route: string): string {
  return basePath + route.replace(/^\/+/, "");
}

export function routeFile(route: string): string {
  const clean = route.replace(/^\/+/, "");
  return clean === "" || clean.endsWith("/") ? `${clean}index.html` : clean;
}

/** A route's absolute URL on the published site: the config's origin and base path. */
export function siteUrl(config: { origin: string; basePath: string }, route: string): string {
  return absoluteUrl(config.origin, routeUrl(config.basePath, route));
}

export function absoluteUrl(origin: string, url: string): string {
  return new URL(url, origin).href;
}

export const ROUTES = {
  home: "",
  archive: "archive/",
  year: (year: string) => `archive/${year}/`,
  issue: (slug: string) => `issues/${slug}/`,
  releases: "releases/",
  compat: "compat/",
  stonith: "stonith/",
  components: "components/",
  component: (name: string) => `components/${name}/`,
  componentFeed: (name: string) => `components/${name}/feed.xml`,
  search: "search/",
  notFound: "404.html",
  atom: "feed.xml",
  rss: "rss.xml",
  jsonFeed: "feed.json",
  sitemap: "sitemap.xml",
  robots: "robots.txt",
  data: (name: string) => `data/${name}.json`,
  styles: "assets/style.css",
} as const;
