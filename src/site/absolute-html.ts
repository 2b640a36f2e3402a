/**
 * Feed readers show content away from the site, so every URL inside it must
 * be absolute. gekkan's serialiser always double-quotes attributes, which
 * keeps this a safe textual rewrite.
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
  return html.replace(/\b(href|src)="([^"]*)"/g, (whole, name: string, value: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) return whole;
    try {
      return `${name}="${new URL(value.replace(/&#x26;|&amp;/g, "&"), pageUrl).href.replace(/&/g, "&#x26;")}"`;
    } catch {
      return whole;
    }
  });
}
