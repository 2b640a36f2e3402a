/** An image's size in pixels. */
export interface PixelSize {
  width: number;
  height: number;
}

/**
 * The size in pixels a PNG, GIF, JPEG or WebP file says it has, read from
 * its first bytes (`head`); undefined for any other file, or a head too
 * short to hold it. Outlook for Windows lays an image out at this width
 * whatever the CSS says (email-images.ts), and a page's <img> reserves its
 * box from it before the image arrives (page-images.ts). A few lines for
 * the formats the web shows, rather than a dependency.
 */
export function imageSize(head: Uint8Array): PixelSize | undefined {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString("latin1", 12, 16) === "IHDR") return positive(bytes.readUInt32BE(16), bytes.readUInt32BE(20));
  if (bytes.length >= 10 && /^GIF8[79]a$/.test(bytes.toString("latin1", 0, 6))) return positive(bytes.readUInt16LE(6), bytes.readUInt16LE(8));
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  if (bytes.length >= 16 && bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") return webpSize(bytes);
  return undefined;
}

/** A JPEG's size, in its frame header (SOF0–SOF15 but DHT, JPG and DAC, which share the range), found by walking the segments before it. */
function jpegSize(bytes: Buffer): PixelSize | undefined {
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes before a marker, and markers with no length (RST, TEM).
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return positive(bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5));
    // Start of scan or end of image before any frame header: not a file to trust.
    if (marker === 0xda || marker === 0xd9) return undefined;
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return undefined;
}

/**
 * A WebP's size, in its first chunk (RFC 9649): a lossy frame's (VP8, 14
 * bits each, after its start code), a lossless one's (VP8L, 14 bits each
 * less one, after its signature), or the canvas of an extended file (VP8X,
 * 24 bits each less one), which animations and images with alpha use.
 */
function webpSize(bytes: Buffer): PixelSize | undefined {
  const chunk = bytes.toString("latin1", 12, 16);
  if (chunk === "VP8 " && bytes.length >= 30 && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) return positive(bytes.readUInt16LE(26) & 0x3fff, bytes.readUInt16LE(28) & 0x3fff);
  if (chunk === "VP8L" && bytes.length >= 25 && bytes[20] === 0x2f) {
    const bits = bytes.readUInt32LE(21);
    return positive((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === "VP8X" && bytes.length >= 30) return positive(bytes.readUIntLE(24, 3) + 1, bytes.readUIntLE(27, 3) + 1);
  return undefined;
}

function positive(width: number, height: number): PixelSize | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined;
}
