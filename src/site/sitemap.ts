import type { SiteConfig } from "../config.js";
import { ROUTES, siteUrl } from "./urls.js";
import { escapeXml } from "../escape.js";

export interface SitemapEntry {
  route: string;
  lastmod: string;
}


export function sitemapXml(config: SiteConfig, entries: readonly SitemapEntry[]): string {
  const urls = entries
    .map((e) => `  <url><loc>${escapeXml(siteUrl(config, e.route))}</loc><lastmod>${e.lastmod}</lastmod></url>`)
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

export function robotsTxt(config: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl(config, ROUTES.sitemap)}\n`;
}
