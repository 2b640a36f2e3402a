/**
 * Characters no page or feed may carry: C0 controls other than tab and
 * newline (XML 1.0 forbids them, so one makes feed.xml unreadable), DEL and
 * the C1 controls (HTML parse errors), and Unicode noncharacters. Tab and
 * newline are ordinary text; CR never gets here (decode turns CRLF into LF).
 */
const NONCHARACTERS = Array.from({ length: 17 }, (_, plane) => {
  const base = (plane * 0x10000 + 0xfffe).toString(16);
  const last = (plane * 0x10000 + 0xffff).toString(16);
  return `\\u{${base}}\\u{${last}}`;
}).join("");
const FORBIDDEN = new RegExp(`[\\u{0}-\\u{8}\\u{b}-\\u{1f}\\u{7f}-\\u{9f}\\u{fdd0}-\\u{fdef}${NONCHARACTERS}]`, "u");
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, "gu");

const NAMES: Record<number, string> = {
  0x00: "NUL", 0x07: "bell", 0x08: "backspace", 0x0b: "vertical tab", 0x0c: "form feed", 0x0d: "carriage return",
  0x1b: "escape", 0x7f: "delete",
};

export interface ControlFound {
  /** UTF-16 index in the text. */
  index: number;
  char: string;
  /** How many forbidden characters the text holds in all. */
  count: number;
}

/** The first forbidden character of `text`, if any, and how many there are. */
export function findControl(text: string): ControlFound | undefined {
  const first = FORBIDDEN.exec(text);
  if (first === null) return undefined;
  let count = 0;
  for (const _ of text.matchAll(FORBIDDEN_ALL)) count++;
  return { index: first.index, char: first[0], count };
}

/** "U+001B (escape)". */
export function describeControl(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase().padStart(4, "0");
  const name = NAMES[code] ?? (code >= 0xfdd0 ? "a noncharacter" : "a control character");
  return `U+${hex} (${name})`;
}
