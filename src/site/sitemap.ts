import type { SiteConfig } from "../config.js";
import { absoluteUrl, ROUTES, routeUrl } from "./urls.js";
import { hreflangTargets, type Alternate } from "./alternates.js";

export interface SitemapEntry {
  route: string;
  lastmod: string;
  /** The page's versions in every language, itself included (none when it has no other). */
  alternates?: readonly Alternate[];
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The sitemap. A page with versions in other languages lists each of them,
 * itself included, and x-default (the site's language) as
 * `<xhtml:link rel="alternate" hreflang="…">`, as Google reads them.
 */
export function sitemapXml(config: SiteConfig, entries: readonly SitemapEntry[]): string {
  const abs = (route: string) => escapeXml(absoluteUrl(config.origin, routeUrl(config.basePath, route)));
  const links = (e: SitemapEntry) => hreflangTargets(e.alternates ?? [], config.lang).map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.lang)}" href="${abs(a.route)}"/>`).join("");
  const urls = entries.map((e) => `  <url><loc>${abs(e.route)}</loc><lastmod>${e.lastmod}</lastmod>${links(e)}</url>`).join("\n");
  const xhtml = entries.some((e) => links(e) !== "") ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${xhtml}>\n${urls}\n</urlset>\n`;
}

export function robotsTxt(config: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(config.origin, routeUrl(config.basePath, ROUTES.sitemap))}\n`;
}
