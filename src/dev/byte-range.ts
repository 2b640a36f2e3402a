/**
 * The part of a file a request's `Range` header asks for (RFC 9110 §14):
 * a browser plays a <video> or <audio> by asking for parts of it, and Safari
 * plays none from a server that answers every request with the whole file;
 * seeking needs it everywhere.
 * - `undefined`: answer with the whole file (no header, a unit other than
 *   bytes, several ranges, or a header that cannot be read: the RFC lets a
 *   server ignore what it does not serve);
 * - `"unsatisfiable"`: no byte of the range is in the file (416);
 * - else the first and last byte, inclusive, within the file.
 */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | "unsatisfiable" | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return undefined;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return undefined;
  if (first === "") {
    // The last N bytes.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? Number.MAX_SAFE_INTEGER : Number(last);
  if (end < start) return undefined;
  if (start >= size) return "unsatisfiable";
  return { start, end: Math.min(end, size - 1) };
}
