import type { SiteConfig } from "../config.js";
import { absoluteUrl, ROUTES, routeUrl } from "./urls.js";

export interface SitemapEntry {
  route: string;
  lastmod: string;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function sitemapXml(config: SiteConfig, entries: readonly SitemapEntry[]): string {
  const urls = entries
    .map((e) => `  <url><loc>${escapeXml(absoluteUrl(config.origin, routeUrl(config.basePath, e.route)))}</loc><lastmod>${e.lastmod}</lastmod></url>`)
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

export function robotsTxt(config: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(config.origin, routeUrl(config.basePath, ROUTES.sitemap))}\n`;
}
