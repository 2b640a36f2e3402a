import type { SiteConfig } from "../config.js";
import { ROUTES, siteUrl } from "./urls.js";
import { escapeXml } from "../escape.js";
import { hreflangTargets, type Alternate } from "./alternates.js";

export interface SitemapEntry {
  route: string;
  lastmod: string;
  /** The page's versions in every language, itself included (none when it has no other). */
  alternates?: readonly Alternate[];
}

/**
 * The sitemap. A page with versions in other languages lists each of them,
 * itself included, and x-default (the site's language) as
 * `<xhtml:link rel="alternate" hreflang="…">`, as Google reads them.
 */
export function sitemapXml(config: SiteConfig, entries: readonly SitemapEntry[]): string {
  const abs = (route: string) => escapeXml(siteUrl(config, route));
  const links = (e: SitemapEntry) => hreflangTargets(e.alternates ?? [], config.lang).map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.lang)}" href="${abs(a.route)}"/>`).join("");
  const alternates = entries.map(links);
  const urls = entries.map((e, i) => `  <url><loc>${abs(e.route)}</loc><lastmod>${e.lastmod}</lastmod>${alternates[i]}</url>`).join("\n");
  const xhtml = alternates.some((l) => l !== "") ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${xhtml}>\n${urls}\n</urlset>\n`;
}

export function robotsTxt(config: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl(config, ROUTES.sitemap)}\n`;
}
