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

/** The route an output file is served at, routeFile the other way: "issues/x/index.html" → "issues/x/", "index.html" → "", any other file as it is. */
export function fileRoute(path: string): string {
  return path === "index.html" ? "" : path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
}

/**
 * Where the site is published (absolute URLs) and the base path its links
 * are written with (see SiteConfig: the two differ only in `gekkan dev`).
 */
export interface SiteAddress {
  origin: string;
  basePath: string;
  publishedBasePath: string;
}

/**
 * THE rule for absolute URLs (canonical, og:url, hreflang, feeds, sitemap,
 * data files, emails): a route's URL on the published site, with the
 * published base path even when the output is served elsewhere, so that
 * `gekkan dev` writes the same absolute URLs as `gekkan build`.
 */
export function siteUrl(config: Pick<SiteAddress, "origin" | "publishedBasePath">, route: string): string {
  return absoluteUrl(config.origin, routeUrl(config.publishedBasePath, route));
}

// Resolves links as served; only its path is kept, so any origin of our own will do.
const SERVED = "http://served.invalid";

/**
 * A URL as the output writes it in the page at `route` (relative, or
 * root-relative with the base path links are written with) → its absolute
 * URL on the published site, by the same rule as siteUrl. URLs that name
 * another site stay as they are.
 */
export function publishedUrl(config: SiteAddress, route: string, href: string): string {
  const served = new URL(href, SERVED + routeUrl(config.basePath, route));
  // Another site's: resolved against the published page, so "//cdn…/x" takes the site's scheme, as it does on the page, not SERVED's.
  if (served.origin !== SERVED) return new URL(href, siteUrl(config, route)).href;
  const path = served.pathname + served.search + served.hash;
  // A path outside the site (above its base path) is still on the published origin.
  return path.startsWith(config.basePath) ? absoluteUrl(config.origin, config.publishedBasePath + path.slice(config.basePath.length)) : absoluteUrl(config.origin, path);
}

/**
 * THE rule for which absolute URLs name the site itself: its origin, or the
 * same host and port by the other of http and https. A host publishes one
 * site at both (or sends http on to https), so `http://host/issues/x/` on an
 * https site is the site's page, as broken as `/issues/x/` when that is.
 */
export function isOwnOrigin(origin: string, url: URL): boolean {
  if (url.origin === origin) return true;
  const own = new URL(origin);
  const web = (protocol: string) => protocol === "http:" || protocol === "https:";
  return web(own.protocol) && web(url.protocol) && url.host === own.host;
}

/** Where a link lands: on the site, its path under the base path (decoded; "" for the front page) and the URL it resolved to. */
export type LinkedPath = { kind: "site"; path: string; url: URL } | { kind: "external" } | { kind: "unreadable"; path: string };

/**
 * THE rule for where a link written on the page at `pageUrl` (a public path,
 * base path included) lands: resolved against the page, on the site when it
 * is on the site's origin (isOwnOrigin) under the base path. `gekkan check`
 * judges links by it, and the render stage marks links to another edition.
 */
export function linkedPath(site: { origin: string; basePath: string }, pageUrl: string, href: string): LinkedPath {
  let target: URL;
  try {
    target = new URL(href, site.origin + pageUrl);
  } catch {
    return { kind: "unreadable", path: href };
  }
  if (!isOwnOrigin(site.origin, target) || !target.pathname.startsWith(site.basePath)) return { kind: "external" };
  try {
    return { kind: "site", path: decodeURIComponent(target.pathname.slice(site.basePath.length)), url: target };
  } catch {
    return { kind: "unreadable", path: target.pathname };
  }
}

/** THE rule for the output file a site path is served from: the file itself, else the folder's index.html ("issues/x" → "issues/x/index.html"). */
export function servedFile(path: string, has: (file: string) => boolean): string | undefined {
  const file = routeFile(path);
  return has(file) ? file : has(`${path}/index.html`) ? `${path}/index.html` : undefined;
}

function absoluteUrl(origin: string, url: string): string {
  return new URL(url, origin).href;
}

/**
 * THE rule for where a language's pages live: the site's language at the
 * root, every other language under its own folder ("en/"). Every route of a
 * language's pages is made from this prefix and nowhere else.
 */
export function languagePrefix(lang: string, siteLang: string): string {
  return lang === siteLang ? "" : `${lang}/`;
}

/**
 * An issue route taken apart, the inverse of languageRoutes(prefix).issue(slug):
 * its language folder ("" or "en/") and its slug ("issues/2011-04/" → "", "2011-04").
 */
export function issueRouteParts(route: string): { folder: string; slug: string } {
  // A slug has no "/": it is the last segment, and "issues/" stands right before it.
  const path = route.slice(0, -1);
  const cut = path.lastIndexOf("/") + 1;
  return { folder: path.slice(0, cut - "issues/".length), slug: path.slice(cut) };
}

/** The routes of the pages one language has of its own: index, archive, issues, reference pages, feeds, search. */
export function languageRoutes(prefix: string) {
  return {
    home: prefix,
    archive: `${prefix}archive/`,
    year: (year: string) => `${prefix}archive/${year}/`,
    issue: (slug: string) => `${prefix}issues/${slug}/`,
    releases: `${prefix}releases/`,
    compat: `${prefix}compat/`,
    stonith: `${prefix}stonith/`,
    components: `${prefix}components/`,
    component: (name: string) => `${prefix}components/${name}/`,
    componentFeed: (name: string) => `${prefix}components/${name}/feed.xml`,
    search: `${prefix}search/`,
    atom: `${prefix}feed.xml`,
    rss: `${prefix}rss.xml`,
    jsonFeed: `${prefix}feed.json`,
  } as const;
}

export type LanguageRoutes = ReturnType<typeof languageRoutes>;

/** The routes of a language's pages (`routesIn("en", "ja").issue("2011-04")` → "en/issues/2011-04/"). */
export function routesIn(lang: string, siteLang: string): LanguageRoutes {
  return languageRoutes(languagePrefix(lang, siteLang));
}

/** The site-language routes, and the files every language shares (one 404 page, sitemap, data files, stylesheet). */
export const ROUTES = {
  ...languageRoutes(""),
  notFound: "404.html",
  sitemap: "sitemap.xml",
  robots: "robots.txt",
  /** Read by Netlify and Cloudflare Pages (config `redirects`), never a page. */
  redirects: "_redirects",
  data: (name: string) => `data/${name}.json`,
  styles: "assets/style.css",
  /** Japanese phrase boundaries (BudouX), for the search page's excerpts; written by scripts/vendor-budoux.mjs. */
  phrases: "assets/budoux-ja.js",
  /** The Pagefind bundle: the index parts (part-N/ under it), its script and WebAssembly. */
  searchBundle: "pagefind/",
} as const;
