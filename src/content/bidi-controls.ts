import type { VFileMessage } from "vfile-message";
import { warning, type Place } from "../diagnostics.js";
import { placeOfIndex } from "./decode.js";

/**
 * The embedding, override and isolate controls of Unicode's bidirectional
 * algorithm. Invisible, they change the order in which the text after them
 * is shown: a title with U+202E reads backwards from there, and a command in
 * a code sample can show as another than the one copied. A right-to-left
 * language may need them; in this newsletter they come from a paste. The
 * marks U+200E, U+200F and U+061C only say a direction and are left alone.
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

const NAMES: Readonly<Record<number, string>> = {
  0x202a: "left-to-right embedding", 0x202b: "right-to-left embedding", 0x202c: "pop directional formatting",
  0x202d: "left-to-right override", 0x202e: "right-to-left override",
  0x2066: "left-to-right isolate", 0x2067: "right-to-left isolate", 0x2068: "first strong isolate", 0x2069: "pop directional isolate",
};

/** The first bidirectional control of an issue file, and how many it holds. */
export interface BidiControl extends Place {
  code: number;
  count: number;
}

/** In the whole file (front matter, text and code alike): the first control, if any. */
export function findBidiControl(text: string): BidiControl | undefined {
  const found = [...text.matchAll(BIDI_CONTROL)];
  const first = found[0];
  if (first === undefined) return undefined;
  return { ...placeOfIndex(text, first.index), code: first[0].codePointAt(0) ?? 0, count: found.length };
}

/** A warning for each published issue (not a draft, as for TODO notes) whose file holds one. (Its own shape of an issue: issue.ts imports this file.) */
export function bidiControlWarnings(rendered: ReadonlyArray<{ issue: { file: string; draft: boolean; bidiControl?: BidiControl | undefined } }>): VFileMessage[] {
  return rendered.flatMap(({ issue }) => {
    const found = issue.bidiControl;
    if (found === undefined || issue.draft) return [];
    const hex = found.code.toString(16).toUpperCase();
    const more = found.count > 1 ? ` (${found.count - 1} more in this file)` : "";
    const reason = `the invisible character U+${hex} (${NAMES[found.code] ?? "a direction control"}) changes the order in which the text after it is shown, so readers would not see what is written${more}; delete it (it usually comes with pasted text), or, for right-to-left text that needs it, stop the warning with ignoreWarnings: [bidi-control]`;
    return [warning(issue.file, reason, { line: found.line, column: found.column }, "bidi-control")];
  });
}
