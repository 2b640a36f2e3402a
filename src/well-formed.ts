/**
 * A value read from YAML or JSON with every string well formed: a lone
 * surrogate (half of a UTF-16 pair, which only an escape such as "\ud83d"
 * can make) becomes U+FFFD, which is what UTF-8 output writes for it
 * anyway. Author text is made so where it is read because pieces of a page
 * are cached as UTF-8 (fragments, bodies), where such a half is already
 * U+FFFD: left in, it could pair with the half beside it when text is joined
 * before encoding, and a page would read differently cached and uncached.
 */
export function wellFormed(value: unknown): unknown {
  if (typeof value === "string") return value.toWellFormed();
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [wellFormed(key), wellFormed(item)]));
  }
  return value;
}

/** A JSON or YAML object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
