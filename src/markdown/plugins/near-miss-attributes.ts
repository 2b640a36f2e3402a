/**
 * Why the attributes of a block's opening line did not parse, read the way
 * remark-directive reads them (`{#id .class key="v" key='v' key=v}`, all on
 * one line, no backslash escapes), and how to fix it. `text` starts at `{`.
 */
export function describeAttributeProblem(opener: string, text: string): string {
  let i = 1;
  for (;;) {
    while (text[i] === " " || text[i] === "\t") i++;
    if (i >= text.length) break;
    const c = text[i] as string;
    if (c === "}") {
      const rest = text.slice(i + 1).trim();
      if (rest !== "") return `nothing may follow } on the line that opens ${opener}: move "${clip(rest)}" to the next line`;
      return `the attributes of ${opener} cannot be read; write them as name="value" pairs separated by spaces, all on this line`;
    }
    if (c === "#" || c === ".") {
      while (i < text.length && !/[\s}]/.test(text[i] as string)) i++;
      continue;
    }
    const key = /^[A-Za-z_:][\w.:-]*/.exec(text.slice(i))?.[0];
    const wide = key === undefined ? FULL_WIDTH[c] : undefined;
    if (wide !== undefined) return `the attributes of ${opener} hold a full-width ${wide} at "${clip(text.slice(i))}"; type it in ASCII, or this line is printed as text`;
    if (key === undefined) return `the attributes of ${opener} cannot be read at "${clip(text.slice(i))}"; write them as name="value" pairs separated by spaces`;
    i += key.length;
    while (text[i] === " " || text[i] === "\t") i++;
    if (text[i] !== "=") continue;
    i++;
    while (text[i] === " " || text[i] === "\t") i++;
    const value = readValue(text, i, key, opener);
    if (typeof value === "string") return value;
    i = value.end;
  }
  return `the attributes of ${opener} are not closed on this line: every attribute must be on the line that opens the block, ending with }`;
}

/** Characters a Japanese input method types in place of the attribute syntax, by what they stand for. */
const FULL_WIDTH: Readonly<Record<string, string>> = { "＝": "equals sign (＝)", "　": "space (　)", "｝": "brace (｝)", "＂": "double quote (＂)" };

/** One attribute value from `i`: where it ends, or what is wrong with it. */
function readValue(text: string, i: number, key: string, opener: string): { end: number } | string {
  const quote = text[i];
  if (quote === "\"" || quote === "'") {
    const close = text.indexOf(quote, i + 1);
    if (close === -1) return `the value of ${key} opens a quote (${quote}) that is not closed on this line; every attribute must be on the line that opens ${opener}`;
    if (text[close - 1] === "\\") return escapedQuote(text, i, key);
    const next = text[close + 1];
    if (next !== undefined && !/[\s}]/.test(next)) return `put a space between the value of ${key} and what follows it ("${clip(text.slice(close + 1))}")`;
    return { end: close + 1 };
  }
  const raw = /^[^\s"'=<>`}]+/.exec(text.slice(i))?.[0] ?? "";
  if (raw === "") return `${key}= needs a value: write ${key}="…"`;
  const next = text[i + raw.length];
  if (next !== undefined && /["'=<>`]/.test(next)) return `the value of ${key} contains ${next}; put the whole value in quotes: ${key}="…"`;
  return { end: i + raw.length };
}

/** `title="a \"quoted\" word"`: attributes know no backslash escapes; single quotes (or &quot;) do the job. */
function escapedQuote(text: string, open: number, key: string): string {
  let end = open + 1;
  while (end < text.length && !(text[end] === "\"" && text[end - 1] !== "\\")) end++;
  const value = text.slice(open + 1, end).replace(/\\"/g, "\"");
  const fix = value.includes("'") ? `${key}="${value.replace(/"/g, "&quot;")}"` : `${key}='${value}'`;
  return `block attributes cannot escape quotes with \\": write ${fix} instead`;
}

function clip(text: string): string {
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}
