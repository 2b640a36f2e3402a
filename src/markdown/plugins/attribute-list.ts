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
  /** "#" or "." for an attribute written `#x` or `.x`; absent for a name. */
  shorthand?: "#" | ".";
}

/** A `{…}` read: its attributes in the order written, and where it ends (just past its `}`). */
export interface AttributeList {
  attributes: WrittenAttribute[];
  end: number;
}

/**
 * Why a `{…}` is not an attribute list, and where: the near-miss message
 * (near-miss-attributes.ts) puts it into words, so what it says is wrong is
 * what this grammar found wrong.
 */
export interface AttributeFailure {
  /**
   * unclosed: the text ended before `}`; unexpected: a character that cannot start an attribute (or be in a #id or .class);
   * quote-unclosed: a quoted value whose quote never closes; after-quote: something other than a space, a tab or `}`
   * straight after a closing quote; no-value: `name=` with nothing after; value-character: one of " ' = < > ` in an unquoted value.
   */
  problem: "unclosed" | "unexpected" | "quote-unclosed" | "after-quote" | "no-value" | "value-character";
  /** The character that is wrong (the text's length when it ended too soon). */
  at: number;
  /** Where the piece being read starts: the attribute, or for `name=value` the value (its opening quote if quoted). */
  from: number;
  /** The name whose value could not be read. */
  key?: string;
  /**
   * A quoted value read before the failure whose closing quote follows a backslash (`title="a \" b"`):
   * the list broke after it, but the author meant that quote escaped, which no attribute list allows.
   */
  escaped?: { open: number; key: string };
}

/**
 * The attributes of the `{…}` at the start of `text`, in the order written,
 * or undefined when remark-directive would not read them as attributes.
 * remark-directive hands on only the last value of a name, so whatever is
 * learnt of the list as written (a name given twice, where a key stands)
 * is read here.
 */
export function readAttributes(text: string): AttributeList | undefined {
  const read = scanAttributes(text);
  return "problem" in read ? undefined : read;
}

/**
 * readAttributes, with why and where it failed. Its grammar is
 * micromark-extension-directive's (lib/factory-attributes.js) for a
 * container's opening line: `#id`, `.class`, `name`, `name=value`,
 * `name="value"`, `name='value'`, spaces and tabs between them, no line
 * breaks, no backslash escapes (a quote ends at the next quote of its kind).
 * Characters are looked at one UTF-16 unit at a time, as micromark does.
 */
export function scanAttributes(text: string): AttributeList | AttributeFailure {
  let escaped: AttributeFailure["escaped"];
  const read = scanList(text, (open, key) => (escaped ??= { open, key }));
  return "problem" in read && escaped !== undefined ? { ...read, escaped } : read;
}

/** scanAttributes's reading; `escapedQuote` hears of each quoted value whose closing quote follows a backslash. */
function scanList(text: string, escapedQuote: (open: number, key: string) => void): AttributeList | AttributeFailure {
  if (text[0] !== "{") return { problem: "unexpected", at: 0, from: 0 };
  const found: WrittenAttribute[] = [];
  let i = 1;
  for (;;) {
    while (isSpace(text[i])) i++;
    const c = text[i];
    if (c === undefined) return { problem: "unclosed", at: i, from: i };
    const index = i;
    if (c === "#" || c === ".") {
      i++;
      const start = i;
      while (i < text.length && !/^[#.} \t\r\n]$/.test(text[i] as string)) i++;
      const value = text.slice(start, i);
      // Ended by #, ., }, a space or tab: a full-width space is part of it, and the line's end is no end.
      if (i === text.length) return { problem: "unclosed", at: i, from: index };
      const bad = value.search(/["'<=>`]/);
      if (value === "" || bad !== -1) return { problem: "unexpected", at: bad === -1 ? i : start + bad, from: index };
      found.push({ key: c === "#" ? "id" : "class", value, index, assigned: true, shorthand: c });
      continue;
    }
    if (/^\s$/.test(c) || (isPunctuation(c) && c !== "-" && c !== "_")) return c === "}" ? { attributes: found, end: i + 1 } : { problem: "unexpected", at: i, from: i };
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
    if ("problem" in value) return { ...value, key };
    if ((text[i] === "\"" || text[i] === "'") && text[value.end - 2] === "\\") escapedQuote(i, key);
    found.push({ key, value: value.value, index, assigned: true });
    i = value.end;
  }
}

/** The value from `i` (after `=` and any spaces): its text and where it ends, or why it cannot be read. */
function readValue(text: string, i: number): { value: string; end: number } | AttributeFailure {
  const quote = text[i];
  if (quote === "\"" || quote === "'") {
    const close = text.indexOf(quote, i + 1);
    const value = text.slice(i + 1, close);
    if (close === -1 || /[\r\n]/.test(value)) return { problem: "quote-unclosed", at: i, from: i };
    // After the closing quote: a space, a tab or the closing brace, nothing else (not even a full-width space).
    if (close + 1 === text.length) return { problem: "unclosed", at: close + 1, from: close + 1 };
    if (!/^[} \t]$/.test(text[close + 1] as string)) return { problem: "after-quote", at: close + 1, from: i };
    return { value, end: close + 1 };
  }
  let end = i;
  while (end < text.length && !/^[} \t\r\n]$/.test(text[end] as string)) end++;
  const value = text.slice(i, end);
  // An unquoted value ends at a space, tab or }; a full-width space (or any other) is part of it.
  if (value === "") return { problem: "no-value", at: i, from: i };
  const bad = value.search(/["'<=>`]/);
  if (bad !== -1) return { problem: "value-character", at: i + bad, from: i };
  if (end === text.length) return { problem: "unclosed", at: end, from: i };
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
