/**
 * A Markdown list at the start of the text, taken into a front matter whose
 * closing --- was forgotten: after a blank line, `- …` items at the margin
 * go on the list of the field above them (`authors:` then `- 山田`), as YAML
 * allows a blank line inside a list. When the text goes on below them, they
 * are the text only if they cannot be items of that field; otherwise they
 * may be either, and the message says so.
 */
export interface JoinedList {
  /** 0-based line of the first item after the blank line. */
  start: number;
  /** The field whose list YAML extends. */
  field: string;
  /** Some item cannot belong to the field: a sentence, a link, code, or for tags no component name. */
  text: boolean;
}

/** The list groups after blank lines right above line `at` (the text found below them), when they extend a field's list. */
export function joinedList(lines: readonly string[], at: number): JoinedList | undefined {
  let start: number | undefined;
  const items: string[] = [];
  for (let i = at - 1; ; ) {
    while (i > 0 && blank(lines[i])) i--;
    let top = i;
    while (top > 0 && ITEM.test(lines[top] ?? "")) top--;
    // A group of items with a blank line above it: with none, it is the field's own list.
    if (top === i || !blank(lines[top])) break;
    start = top + 1;
    items.push(...lines.slice(top + 1, i + 1));
    i = top;
  }
  if (start === undefined) return undefined;
  const field = listField(lines, start);
  if (field === undefined) return undefined;
  const text = items.some((item) => isProse(item) || (field === "tags" && !COMPONENT_ITEM.test(item)));
  return { start, field, text };
}

/** The field above line `at` whose list, written at the margin (`tags:` then `- pacemaker`), the items after a blank line would extend. */
function listField(lines: readonly string[], at: number): string | undefined {
  let i = at - 1;
  while (i > 0 && blank(lines[i])) i--;
  if (!ITEM.test(lines[i] ?? "")) return undefined;
  while (i > 0 && ITEM.test(lines[i] ?? "")) i--;
  return /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(?:#.*)?\r?$/.exec(lines[i] ?? "")?.[1];
}

function blank(line: string | undefined): boolean {
  return (line ?? "").trim() === "";
}

/** A list item at the margin, as YAML and Markdown both write one. */
const ITEM = /^-(?:[ \t]|\r?$)/;

/** What no name or component is: a sentence's end, a link, code. */
function isProse(line: string): boolean {
  return /[。！？`]/u.test(line) || hasLinkText(line);
}

/**
 * `[text](`, as /\[[^\]]*\]\(/ finds it, in one pass: that pattern scans the
 * rest of the line from every "[" of a line that has no "]".
 */
export function hasLinkText(line: string): boolean {
  let open = false;
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (char === "[") open = true;
    else if (char === "]") {
      if (open && line.charAt(i + 1) === "(") return true;
      open = false;
    }
  }
  return false;
}

/** A component name as tags hold them (`pacemaker`, `drbd-mc`), quoted or not. */
const COMPONENT_ITEM = /^-[ \t]+(["']?)[a-z0-9]+(?:-[a-z0-9]+)*\1[ \t]*(?:#.*)?\r?$/;
