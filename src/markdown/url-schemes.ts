import { sanitizeSchema } from "./sanitize-schema.js";

/** The schemes the sanitiser keeps, lower case (sanitize-schema.ts lists each in every case). */
const lowerCase = (list: readonly string[] | null | undefined) => [...new Set((list ?? []).map((scheme) => scheme.toLowerCase()))];
export const HREF_SCHEMES = lowerCase(sanitizeSchema.protocols?.["href"]);
export const SRC_SCHEMES = lowerCase(sanitizeSchema.protocols?.["src"]);

/** The text before the first ":", unless a "/", "?" or "#" comes first (then it is a path): hast-util-sanitize's own reading. */
export function schemeOf(url: string): string | undefined {
  const colon = url.indexOf(":");
  if (colon === -1) return undefined;
  const path = ["/", "?", "#"].map((mark) => url.indexOf(mark)).filter((at) => at !== -1);
  return path.some((at) => at < colon) ? undefined : url.slice(0, colon);
}

/** The scheme of `url` when the sanitiser would drop the address for it, else undefined. */
export function droppedScheme(url: string, kept: readonly string[]): string | undefined {
  const scheme = schemeOf(url);
  return scheme === undefined || kept.includes(scheme.toLowerCase()) ? undefined : scheme;
}

/** "http:, https: and mailto:", for messages. */
export function schemeList(kept: readonly string[]): string {
  return `${kept.slice(0, -1).map((scheme) => `${scheme}:`).join(", ")} and ${kept.at(-1) ?? ""}:`;
}
