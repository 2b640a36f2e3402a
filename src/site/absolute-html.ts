import { mapSrcsetUrls } from "../markdown/srcset.js";
import { publishedUrl, type SiteAddress } from "./urls.js";
import { hasScheme } from "../url-scheme.js";

/**
 * Feed readers show content away from the site, so every URL inside it must
 * be absolute: the published page's (see publishedUrl), also when the page
 * at `route` was written for `gekkan dev`, and a scheme-relative "//host/…"
 * with the site's scheme. That is every URL attribute an issue's sanitised
 * HTML can hold: links and images (an image's `longdesc` too), a
 * quotation's `cite`, and a `<picture>` source's `srcset`, which a reader's
 * browser prefers over the `<img>` beside it. gekkan's serialiser always
 * double-quotes attributes, which keeps this a safe textual rewrite.
 */
export function absolutizeHtml(html: string, site: SiteAddress, route: string): string {
  return mapUrlAttributes(html, (value) => absoluteUrl(value, site, route));
}

/**
 * Every URL in `html`'s URL attributes (href, src, cite, each of a srcset's,
 * and an image's longdesc, which GitHub's sanitiser keeps) through `map`, read with its "&" escapes and written back with them; an
 * attribute whose URLs `map` leaves as they are stays byte for byte as
 * written. Textual: gekkan's serialiser double-quotes every attribute.
 */
export function mapUrlAttributes(html: string, map: (url: string) => string): string {
  return html.replace(/\b(href|src|cite|srcset|longdesc)="([^"]*)"/g, (whole, name: string, value: string) => {
    const decoded = value.replace(/&#x26;|&amp;/g, "&");
    const url = name === "srcset" ? mapSrcsetUrls(decoded, map) : map(decoded);
    if (url === decoded) return whole;
    return `${name}="${url.replace(/&/g, "&#x26;")}"`;
  });
}

/** A URL as feeds and the email have it: absolute on the published site, a full URL as it is. */
export function absoluteUrl(value: string, site: SiteAddress, route: string): string {
  // "//host/…" is not absolute: read away from the site (a mail app's mailbox: base) it leads nowhere, so publishedUrl gives it a scheme.
  if (hasScheme(value)) return value;
  try {
    return publishedUrl(site, route, value);
  } catch {
    return value;
  }
}
