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
