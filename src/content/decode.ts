import type { VFileMessage } from "vfile-message";
import { diagnostic, type Place } from "../diagnostics.js";
import { describeControl, findControl } from "./control-chars.js";

export type Decoded = { ok: true; text: string } | { ok: false; message: VFileMessage };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Bytes → normalised text. Editors on Windows save BOM + CRLF; both are valid
 * input, so they are normalised here once and nothing downstream cares.
 * Line numbers survive normalisation (CRLF → LF keeps one newline per line).
 */
export function decodeSource(file: string, bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail(file, "this looks like a binary file (it contains NUL bytes); expected UTF-8 Markdown text", placeOfByte(bytes, nul), "binary-file");
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return fail(file, "the file is not valid UTF-8; save it as UTF-8 (without legacy encodings such as Shift_JIS or EUC-JP)", placeOfByte(bytes, bad), "invalid-utf8");
  }
  text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") {
    return fail(file, "the file is empty; expected front matter between --- lines (title, issue, date) followed by the issue text", { line: 1, column: 1 }, "empty-file");
  }
  const control = findControl(text);
  if (control !== undefined) {
    const more = control.count > 1 ? ` (${control.count - 1} more in this file)` : "";
    return fail(file, `the file contains the invisible character ${describeControl(control.char)}, which no web page or feed may hold; delete it${more}`, placeOfIndex(text, control.index), "control-character");
  }
  return { ok: true, text };
}

/** 1-based line and column (in characters) of a UTF-16 index. */
export function placeOfIndex(text: string, index: number): Place {
  const lineStart = text.lastIndexOf("\n", index - 1) + 1;
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return { line, column: [...text.slice(lineStart, index)].length + 1 };
}

function fail(file: string, reason: string, place: Place, ruleId: string): Decoded {
  return { ok: false, message: diagnostic(file, reason, place, ruleId) };
}

function placeOfByte(bytes: Uint8Array, offset: number): Place {
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

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return 0;
}
