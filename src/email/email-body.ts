import { absolutizeHtml } from "../site/absolute-html.js";
import type { SiteAddress } from "../site/urls.js";

/**
 * An issue body as the email carries it: every URL absolute (a mail reader
 * has no page to resolve them against), and section headings as plain text
 * rather than links to themselves, which in an inbox would only look like
 * stray link styling. gekkan's serialiser writes `<a class="heading-link" …>`
 * with nothing but phrasing content inside, so a textual rewrite is safe.
 */
export function emailBodyHtml(body: string, site: SiteAddress, route: string): string {
  return absolutizeHtml(body, site, route).replace(/<a class="heading-link" href="[^"]*">([\s\S]*?)<\/a>/g, "$1");
}
