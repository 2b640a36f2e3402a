/**
 * Whether an address starts with a scheme (`https:`, `mailto:`, `data:`):
 * RFC 3986's `scheme ":"`, a letter then letters, digits, `+`, `-` or `.`.
 * Such an address is whole as written; any other is relative to something
 * (the page, the site's root, the host). Scheme-relative `//host/…` has none.
 */
export function hasScheme(address: string): boolean {
  return SCHEME.test(address);
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The address without its scheme and host (`https://example.com/a/` → `/a/`); one without a scheme as it is. */
export function withoutOrigin(address: string): string {
  return hasScheme(address) ? address.replace(/^[^:]*:\/\/[^/]*/, "") : address;
}
