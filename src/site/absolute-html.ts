import { publishedUrl, type SiteAddress } from "./urls.js";

/**
 * Feed readers show content away from the site, so every URL inside it must
 * be absolute: the published page's (see publishedUrl), also when the page
 * at `route` was written for `gekkan dev`. gekkan's serialiser always
 * double-quotes attributes, which keeps this a safe textual rewrite.
 */
export function absolutizeHtml(html: string, site: SiteAddress, route: string): string {
  return html.replace(/\b(href|src)="([^"]*)"/g, (whole, name: string, value: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) return whole;
    try {
      return `${name}="${publishedUrl(site, route, value.replace(/&#x26;|&amp;/g, "&")).replace(/&/g, "&#x26;")}"`;
    } catch {
      return whole;
    }
  });
}
