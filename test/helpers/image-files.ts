import { crc32, deflateSync } from "node:zlib";

/**
 * Image files made by hand for tests, each saying the width and height it
 * is given in the place its format's specification puts them: the oracle
 * for what gekkan reads from them is the numbers passed here.
 */

/** A PNG chunk: length, type, data and the CRC of type and data (PNG spec §5.3). */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A whole PNG a browser decodes: `width` × `height` pixels of one colour (8-bit RGB, no filter). */
export function pngFile(width: number, height: number, rgb: readonly [number, number, number] = [200, 120, 40]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(pixels)), chunk("IEND", Buffer.alloc(0))]);
}

/** A GIF's header and logical screen descriptor: width and height, little-endian, at bytes 6 and 8. */
export function gifHead(width: number, height: number): Buffer {
  const head = Buffer.alloc(13);
  head.write("GIF89a", 0, "latin1");
  head.writeUInt16LE(width, 6);
  head.writeUInt16LE(height, 8);
  return head;
}

/** A JPEG's start: SOI, an APP1 segment of `metadata` bytes (as EXIF comes), then a baseline frame header (SOF0: height, then width). */
export function jpegHead(width: number, height: number, metadata = 100): Buffer {
  const app = Buffer.alloc(4 + metadata);
  app.writeUInt16BE(0xffe1, 0);
  app.writeUInt16BE(2 + metadata, 2);
  const sof = Buffer.from([0xff, 0xc0, 0, 17, 8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app, sof, Buffer.from([0xff, 0xd9])]);
}

/** A RIFF WebP file around one chunk. */
function riff(type: string, data: Buffer): Buffer {
  const header = Buffer.alloc(20);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(12 + data.length, 4);
  header.write("WEBP", 8, "latin1");
  header.write(type, 12, "latin1");
  header.writeUInt32LE(data.length, 16);
  return Buffer.concat([header, data]);
}

/** A lossy WebP's start: the VP8 frame tag, its start code 9d 01 2a, then width and height in 14 bits each. */
export function webpLossyHead(width: number, height: number): Buffer {
  const data = Buffer.alloc(10);
  data.set([0x9d, 0x01, 0x2a], 3);
  data.writeUInt16LE(width, 6);
  data.writeUInt16LE(height, 8);
  return riff("VP8 ", data);
}

/** A lossless WebP's start: the signature 0x2f, then width − 1 and height − 1 in 14 bits each, packed from the lowest bit. */
export function webpLosslessHead(width: number, height: number): Buffer {
  const data = Buffer.alloc(5);
  data[0] = 0x2f;
  data.writeUInt32LE(((width - 1) | ((height - 1) << 14)) >>> 0, 1);
  return riff("VP8L", data);
}

/** An extended WebP's start (VP8X): flags, then the canvas's width − 1 and height − 1 in 24 bits each. */
export function webpExtendedHead(width: number, height: number): Buffer {
  const data = Buffer.alloc(10);
  data.writeUIntLE(width - 1, 4, 3);
  data.writeUIntLE(height - 1, 7, 3);
  return riff("VP8X", data);
}
