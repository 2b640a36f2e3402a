/** One attribute of a block's `{…}`, as written. */
export interface WrittenAttribute {
  /** "id" for `#x`, "class" for `.x`, else the name as written. */
  key: string;
  /** The value as written, inside its quotes if any (character references are not decoded); "" for a name alone. */
  value: string;
  /** Where the attribute (its name, or its `#` or `.`) starts in the text read. */
  index: number;
  /** Written with `=` (or as `#x`, `.x`): a name alone is an attribute too, with the value "". */
  assigned: boolean;
}

/** A `{…}` read: its attributes in the order written, and where it ends (just past its `}`). */
export interface AttributeList {
  attributes: WrittenAttribute[];
  end: number;
}

/**
 * The attributes of the `{…}` at the start of `text`, in the order written,
 * or undefined when remark-directive would not read them as attributes.
 * remark-directive hands on only the last value of a name, so whatever is
 * learnt of the list as written (a name given twice, where a key stands)
 * is read here. Its grammar is micromark-extension-directive's
 * (lib/factory-attributes.js) for a container's opening line: `#id`, `.class`,
 * `name`, `name=value`, `name="value"`, `name='value'`, spaces and tabs
 * between them, no line breaks, no backslash escapes (a quote ends at the
 * next quote of its kind). Characters are looked at one UTF-16 unit at a
 * time, as micromark does.
 */
export function readAttributes(text: string): AttributeList | undefined {
  if (text[0] !== "{") return undefined;
  const found: WrittenAttribute[] = [];
  let i = 1;
  for (;;) {
    while (isSpace(text[i])) i++;
    const c = text[i];
    if (c === undefined) return undefined;
    const index = i;
    if (c === "#" || c === ".") {
      i++;
      const start = i;
      while (i < text.length && !/^[#.} \t\r\n]$/.test(text[i] as string)) i++;
      const value = text.slice(start, i);
      // Ended by #, ., }, a space or tab: a full-width space is part of it, and the line's end is no end.
      if (value === "" || /["'<=>`]/.test(value) || i === text.length) return undefined;
      found.push({ key: c === "#" ? "id" : "class", value, index, assigned: true });
      continue;
    }
    if (/^\s$/.test(c) || (isPunctuation(c) && c !== "-" && c !== "_")) return c === "}" ? { attributes: found, end: i + 1 } : undefined;
    while (i < text.length && isNameCharacter(text[i] as string)) i++;
    const key = text.slice(index, i);
    while (isSpace(text[i])) i++;
    if (text[i] !== "=") {
      found.push({ key, value: "", index, assigned: false });
      continue;
    }
    i++;
    while (isSpace(text[i])) i++;
    const value = readValue(text, i);
    if (value === undefined) return undefined;
    found.push({ key, value: value.value, index, assigned: true });
    i = value.end;
  }
}

/** The value from `i` (after `=` and any spaces): its text and where it ends, or undefined when it cannot be read. */
function readValue(text: string, i: number): { value: string; end: number } | undefined {
  const quote = text[i];
  if (quote === "\"" || quote === "'") {
    const close = text.indexOf(quote, i + 1);
    if (close === -1) return undefined;
    const value = text.slice(i + 1, close);
    // After the closing quote: a space, a tab or the closing brace, nothing else (not even a full-width space).
    if (/[\r\n]/.test(value) || !/^[} \t]$/.test(text[close + 1] ?? "")) return undefined;
    return { value, end: close + 1 };
  }
  let end = i;
  while (end < text.length && !/^[} \t\r\n]$/.test(text[end] as string)) end++;
  const value = text.slice(i, end);
  // An unquoted value ends at a space, tab or }; a full-width space (or any other) is part of it.
  if (value === "" || /["'<=>`]/.test(value) || end === text.length) return undefined;
  return { value, end };
}

/** Spaces and tabs: what separates attributes. */
function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t";
}

/**
 * What continues a name: not whitespace, not punctuation but - . : _. A tab
 * does continue it: micromark reads a tab as its own code, which its
 * whitespace test does not cover, so `device\t="X"` is named "device\t".
 */
function isNameCharacter(c: string): boolean {
  if (c === "\t") return true;
  return !/^\s$/.test(c) && !(isPunctuation(c) && !/^[-.:_]$/.test(c));
}

/** micromark's unicodePunctuation, of one UTF-16 unit. */
function isPunctuation(c: string): boolean {
  return /^[\p{P}\p{S}]$/u.test(c);
}

/**
 * A name given more than once, at its second place: remark-directive keeps
 * the last value and drops the others without a word, so the block would
 * publish a value the author may not have meant. Classes are left out:
 * remark-directive joins them, and drops none.
 */
export function repeatedAttributes<T extends WrittenAttribute>(attributes: readonly T[]): Array<{ reason: string; attribute: T }> {
  const byKey = new Map<string, T[]>();
  for (const attribute of attributes) {
    if (attribute.key === "class") continue;
    byKey.set(attribute.key, [...(byKey.get(attribute.key) ?? []), attribute]);
  }
  const found: Array<{ reason: string; attribute: T }> = [];
  for (const [key, given] of byKey) {
    const second = given[1];
    if (second === undefined) continue;
    const values = given.map((attribute) => `"${attribute.value}"`);
    const times = given.length === 2 ? "twice" : `${given.length} times`;
    const listed = `${values.slice(0, -1).join(", ")}, then ${values.at(-1) ?? ""}`;
    found.push({ reason: `${key} is given ${times} in this block's attributes (${listed}); keep one`, attribute: second });
  }
  return found.sort((a, b) => a.attribute.index - b.attribute.index);
}
