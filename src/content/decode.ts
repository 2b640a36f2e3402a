import type { VFileMessage } from "vfile-message";
import { diagnostic, type Place } from "../diagnostics.js";
import { decodeUtf8, isUtf16, placeOfByte } from "../text-encoding.js";
import { describeControl, findControl } from "./control-chars.js";

export type Decoded = { ok: true; text: string } | { ok: false; message: VFileMessage };

/**
 * Bytes → normalised text. Editors on Windows save BOM + CRLF; both are valid
 * input, so they are normalised here once and nothing downstream cares.
 * Line numbers survive normalisation (CRLF → LF keeps one newline per line).
 */
export function decodeSource(file: string, bytes: Uint8Array): Decoded {
  // UTF-16 is full of NUL bytes too, but it is text an author saved: decodeUtf8 names it.
  const nul = isUtf16(bytes) ? -1 : bytes.indexOf(0);
  if (nul !== -1) {
    return fail(file, "this looks like a binary file (it contains NUL bytes); expected UTF-8 Markdown text", placeOfByte(bytes, nul), "binary-file");
  }
  const decoded = decodeUtf8(file, bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/\r\n?/g, "\n");
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
