import { mapSrcsetUrls } from "../markdown/srcset.js";
import { withBasePath } from "../markdown/plugins/rehype-base-path.js";
import { sanitizeSchema } from "../markdown/sanitize-schema.js";
import type { SiteAddress } from "../site/urls.js";
import { absoluteUrl } from "../site/absolute-html.js";
import { AS_WRITTEN, type TagRewrite } from "./tag-match.js";

// The attributes rehype-base-path gives the base path, and the email makes absolute (absolute-html.ts); longdesc only the latter.
const URL_ATTRIBUTES = new Set(["href", "src", "cite", "longdesc"]);
const CLOBBER_PREFIX = sanitizeSchema.clobberPrefix ?? "";
// The sanitizer names them as properties (ariaDescribedBy); a tag has them as attributes (aria-describedby).
const CLOBBERED = new Set((sanitizeSchema.clobber ?? []).map((property) => (property.startsWith("aria") ? `aria-${property.slice(4)}` : property).toLowerCase()));

/**
 * What the build does to a tag of raw HTML in an issue's Markdown on its
 * way to the page (`email`: or to its email, at `route`): the
 * rewrites the Nu Html Checker's message must see through to find the tag
 * in the Markdown. A root-relative URL gains the base path
 * (rehype-base-path.ts), and in the email the site's address
 * (absolute-html.ts); an id or name gains the sanitizer's prefix
 * (`user-content-`); a heading without an id is given one
 * (rehype-heading-ids.ts), a link to another edition its hreflang
 * (other-edition-links.ts), a tag of the email its inlined style.
 */
export function markdownTagRewrite(site: SiteAddress, route: string, email: boolean): TagRewrite {
  const url = (value: string): string => (email ? absoluteUrl(withBasePath(site.basePath, value), site, route) : withBasePath(site.basePath, value));
  return {
    value: (_tag, attribute, value) => {
      if (URL_ATTRIBUTES.has(attribute)) return attribute === "longdesc" && !email ? value : url(value);
      if (attribute === "srcset") return mapSrcsetUrls(value, url);
      return CLOBBERED.has(attribute) ? CLOBBER_PREFIX + value : value;
    },
    adds: (tag, attribute) => (attribute === "id" && /^h[1-6]$/.test(tag)) || (attribute === "hreflang" && tag === "a") || (email && attribute === "style"),
  };
}

/** A tag of a template on an email page: as written, but for the style juice inlined into it (inline-css.ts). */
export const EMAIL_TEMPLATE_REWRITE: TagRewrite = { ...AS_WRITTEN, adds: (_tag, attribute) => attribute === "style" };

