/**
 * The width in pixels a PNG, GIF or JPEG file says it has, read from its
 * first bytes (`head`); undefined for any other file, or a head too short
 * to hold it. Outlook for Windows lays an image out at this width whatever
 * the CSS says (email-images.ts), so it is what the email must know. A few
 * lines for the three formats mail apps show, rather than a dependency.
 */
export function imageWidth(head: Uint8Array): number | undefined {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString("latin1", 12, 16) === "IHDR") return positive(bytes.readUInt32BE(16));
  if (bytes.length >= 10 && /^GIF8[79]a$/.test(bytes.toString("latin1", 0, 6))) return positive(bytes.readUInt16LE(6));
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegWidth(bytes);
  return undefined;
}

/** A JPEG's width, in its frame header (SOF0–SOF15 but DHT, JPG and DAC, which share the range), found by walking the segments before it. */
function jpegWidth(bytes: Buffer): number | undefined {
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
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return positive(bytes.readUInt16BE(at + 7));
    // Start of scan or end of image before any frame header: not a file to trust.
    if (marker === 0xda || marker === 0xd9) return undefined;
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return undefined;
}

function positive(width: number): number | undefined {
  return width > 0 ? width : undefined;
}
