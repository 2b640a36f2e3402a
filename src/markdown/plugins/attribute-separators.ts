import { readAttributes } from "./attribute-list.js";

/** What an author typed between attributes, or between a name and its value, that the attribute grammar does not take. */
export type SeparatorSlip = "comma" | "colon" | "both";

/**
 * The `{…}` at the start of `text` as it was meant, when it was written the
 * way JSON, YAML or a function call writes a list: commas between the
 * attributes (`{component="pacemaker", status="released"}`) or a colon
 * where the `=` goes (`{component: "pacemaker"}`). The grammar stops at the
 * comma or the quote, and told only of what it found there, an author who
 * adds the space it asks for gets a second error; the whole line to write
 * is the fix. Only separators outside quotes next to a quoted value are
 * mended, and only a list that then reads in full, with nothing after it,
 * is offered, so a value's own comma or colon is never touched.
 */
export function mendSeparators(text: string): { fixed: string; slip: SeparatorSlip } | undefined {
  const pieces = text.trimEnd().match(/"[^"]*"|'[^']*'|[^"']+|["']/g) ?? [];
  let comma = false;
  let colon = false;
  const mended = pieces.map((piece, i) => {
    if (piece.startsWith("\"") || piece.startsWith("'")) return piece;
    let out = piece;
    // After a quoted value: `", status=` → `" status=`.
    if (i > 0) out = out.replace(/^\s*[,，、]\s*/, () => ((comma = true), out.trimStart().slice(1).trimStart().startsWith("}") ? "" : " "));
    // Before a quoted value: `component: "` → `component="`.
    const named = i < pieces.length - 1 ? colonBeforeValue(out) : undefined;
    if (named !== undefined) colon = true;
    return named ?? out;
  });
  if (!comma && !colon) return undefined;
  const fixed = mended.join("");
  const read = readAttributes(fixed);
  if (read === undefined || fixed.slice(read.end).trim() !== "") return undefined;
  return { fixed, slip: comma && colon ? "both" : comma ? "comma" : "colon" };
}

/**
 * `piece` with its trailing `name:` (spaces around the colon allowed) made
 * `name=`, else undefined. Scanned back from the end by hand: a pattern
 * anchored at the end would try every start in a long unquoted run.
 */
function colonBeforeValue(piece: string): string | undefined {
  let end = piece.length;
  while (end > 0 && /\s/.test(piece[end - 1] ?? "")) end--;
  if (piece[end - 1] !== ":" && piece[end - 1] !== "：") return undefined;
  let nameEnd = end - 1;
  while (nameEnd > 0 && /\s/.test(piece[nameEnd - 1] ?? "")) nameEnd--;
  let start = nameEnd;
  while (start > 0 && /[\w.-]/.test(piece[start - 1] ?? "")) start--;
  // A name starts with a letter or _, as the grammar reads one; a digit or - before it is part of something else.
  while (start < nameEnd && !/[A-Za-z_]/.test(piece[start] ?? "")) start++;
  if (start === nameEnd) return undefined;
  return `${piece.slice(0, start)}${piece.slice(start, nameEnd)}=`;
}
