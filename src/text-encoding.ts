import { readFileSync } from "node:fs";
import type { VFileMessage } from "vfile-message";
import { ContentError, diagnostic, type Place } from "./diagnostics.js";

export type Utf8Text = { ok: true; text: string } | { ok: false; message: VFileMessage };

// fatal: a byte that is not UTF-8 is an error, not U+FFFD; ignoreBOM false drops a leading BOM, as Windows editors write one.
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

const NOT_UTF8 = "the file is not valid UTF-8; save it as UTF-8 (without legacy encodings such as Shift_JIS or EUC-JP)";
const UTF16 = 'this file is saved as UTF-16 (Windows Notepad calls it "Unicode" or "UTF-16 LE"), which gekkan does not read; save it again as UTF-8';

/**
 * Bytes an author wrote → text, only when they are UTF-8. Node's
 * readFileSync(path, "utf8") turns each byte it cannot read into U+FFFD, so a
 * gekkan.config.json saved in Shift_JIS published its title as "����" on
 * every page, exit 0. A file saved as UTF-16 is named as such: its NUL bytes
 * made it "a binary file", which says nothing to the author who saved it.
 */
export function decodeUtf8(file: string, bytes: Uint8Array): Utf8Text {
  if (isUtf16(bytes)) return { ok: false, message: diagnostic(file, UTF16, { line: 1, column: 1 }, "utf16") };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, message: diagnostic(file, NOT_UTF8, placeOfByte(bytes, firstInvalidUtf8(bytes)), "invalid-utf8") };
  }
}

/** A text file gekkan reads whole (the config, a locale pack): its text, or a ContentError naming `file` when it is no UTF-8. */
export function readUtf8File(path: string, file: string): string {
  const decoded = decodeUtf8(file, readFileSync(path));
  if (!decoded.ok) throw new ContentError([decoded.message]);
  return decoded.text;
}

/**
 * UTF-16 from its byte order mark, or, without one, from a first character
 * that is ASCII (a front matter's "-", a JSON "{"): one of its two bytes is
 * NUL. No UTF-8 text and no usual binary format starts that way.
 */
export function isUtf16(bytes: Uint8Array): boolean {
  const [a = -1, b = -1] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true;
  const ascii = (byte: number) => byte >= 0x09 && byte <= 0x7e;
  return (ascii(a) && b === 0) || (a === 0 && ascii(b));
}

/** 1-based line and column (in characters) of a byte offset. */
export function placeOfByte(bytes: Uint8Array, offset: number): Place {
  const before = bytes.subarray(0, offset);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < before.length; i++) {
    if (before[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters, so decode the valid prefix of the line.
  const prefix = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}

/** Where the first byte sequence that is not UTF-8 starts (Unicode's table of well-formed sequences). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    // The second byte's range is narrower after these: no overlong forms (E0, F0), no surrogates (ED), nothing past U+10FFFF (F4).
    const [low, high] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
