/**
 * The output path a request asks for, or undefined when it must be a 404.
 * Works on the raw request target (URL parsers would quietly resolve "..")
 * and refuses anything that could name a file outside the output: dot
 * segments (also percent-encoded), backslashes, NUL, and absolute or
 * drive-letter forms. An encoded slash or backslash (%2F, %5C) is refused
 * too: a static host takes it for part of a name, never a separator, so
 * `/issues%2F2011-04/` served here would be a link that works in the
 * preview and is a 404 once published.
 */
export function requestPath(rawUrl: string): string | undefined {
  const raw = rawUrl.split(/[?#]/, 1)[0] ?? "";
  if (!raw.startsWith("/") || raw.startsWith("//") || /%(2f|5c)/i.test(raw)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (/[\\\0]/.test(decoded) || decoded.startsWith("//") || /^\/[A-Za-z]:/.test(decoded)) return undefined;
  const parts = decoded.slice(1).split("/");
  if (parts.some((part, i) => part === "." || part === ".." || (part === "" && i < parts.length - 1))) return undefined;
  return decoded.slice(1);
}
