import { constants, gunzipSync } from "node:zlib";
import { formatBytes, SVG_CHECK_BYTES } from "../limits.js";

// An SVG file as the text an XML parser reads: shared by the check for active content and the email's reading of an SVG's width.

/** The SVG's bytes, unzipped when gzipped (.svgz, or an .svg saved gzipped); how large instead when that is past the cap. */
export function unpacked(bytes: Buffer): Buffer | string {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.length > SVG_CHECK_BYTES ? `is ${formatBytes(bytes.length)}` : bytes;
  try {
    // A truncated file still shows what it holds in a browser: sync flush returns that part instead of throwing.
    return gunzipSync(bytes, { maxOutputLength: SVG_CHECK_BYTES, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return `unzips to more than ${formatBytes(SVG_CHECK_BYTES)}`;
    // Not gzip after all: no browser can show it, so nothing in it runs.
    return Buffer.alloc(0);
  }
}

/** UTF-16 by its byte order mark or its first "<"; otherwise UTF-8, which keeps every ASCII tag of any ASCII-based encoding. */
export function decoded(xml: Buffer): string {
  const [a, b] = [xml[0], xml[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00)) return new TextDecoder("utf-16le").decode(xml);
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) return new TextDecoder("utf-16be").decode(xml);
  return new TextDecoder("utf-8").decode(xml);
}
