import { scanAttributes, type AttributeFailure } from "./attribute-list.js";
import { mendSeparators, type SeparatorSlip } from "./attribute-separators.js";

/**
 * Why the attributes of a block's opening line did not parse, and how to
 * fix it. `text` starts at `{`. What is wrong is what the attribute grammar
 * (attribute-list.ts, remark-directive's) found wrong, at the place it
 * stopped: this puts it into words, it does not read the list again.
 */
export function describeAttributeProblem(opener: string, text: string): string {
  const read = scanAttributes(text);
  if (!("problem" in read)) {
    const rest = text.slice(read.end).trim();
    if (rest !== "") return `nothing may follow } on the line that opens ${opener}: move "${clip(rest)}" to the next line`;
    return `the attributes of ${opener} cannot be read; write them as name="value" pairs separated by spaces, all on this line`;
  }
  // Before what broke the list: a quote meant escaped ended its value early, and the rest of the value broke it.
  if (read.escaped !== undefined) return escapedQuote(text, read.escaped.open, read.escaped.key);
  const wide = fullWidthAt(text, read);
  if (wide !== undefined) return `the attributes of ${opener} hold a full-width ${FULL_WIDTH[text[wide] as string] ?? ""} at "${clip(text.slice(wide))}"; type it in ASCII, or this line is printed as text`;
  const mended = read.problem === "after-quote" || read.problem === "unexpected" ? mendSeparators(text) : undefined;
  if (mended !== undefined) return `${SLIP[mended.slip]}: write ${opener}${mended.fixed}`;
  const key = read.key ?? "";
  switch (read.problem) {
    case "unclosed":
      return `the attributes of ${opener} are not closed on this line: every attribute must be on the line that opens the block, ending with }`;
    case "unexpected":
      return `the attributes of ${opener} cannot be read at "${clip(text.slice(read.at))}"; write them as name="value" pairs separated by spaces`;
    case "quote-unclosed":
      return `the value of ${key} opens a quote (${text[read.at] ?? ""}) that is not closed on this line; every attribute must be on the line that opens ${opener}`;
    case "after-quote":
      // `title="a \"quoted\" word"`: the quote that ended the value was meant escaped.
      if (text[read.at - 2] === "\\") return escapedQuote(text, read.from, key);
      return `put a space between the value of ${key} and what follows it ("${clip(text.slice(read.at))}")`;
    case "no-value":
      return `${key}= needs a value: write ${key}="…"`;
    case "value-character":
      if (read.at === read.from) return `${key}= needs a value: write ${key}="…"`;
      return `the value of ${key} contains ${text[read.at] ?? ""}; put the whole value in quotes: ${key}="…"`;
  }
}

/** What was written the way JSON or YAML writes a list, in words. */
const SLIP: Readonly<Record<SeparatorSlip, string>> = {
  comma: "block attributes are separated by spaces, not commas",
  colon: "a block attribute's value follows =, not a colon",
  both: "block attributes are written name=\"value\" and separated by spaces, with no colons or commas",
};

/** Characters a Japanese input method types in place of the attribute syntax, by what they stand for. */
const FULL_WIDTH: Readonly<Record<string, string>> = { "＝": "equals sign (＝)", "　": "space (　)", "｝": "brace (｝)", "＂": "double quote (＂)" };

/**
 * A full-width stand-in for the syntax where reading stopped, or in the
 * unquoted piece it stopped in (`device=x　plugin="ipmi"`: the space, not the
 * quote, is the mistake); never inside quotes, where it is the value's own.
 */
function fullWidthAt(text: string, failure: AttributeFailure): number | undefined {
  if (failure.problem === "quote-unclosed") return undefined;
  const from = failure.problem === "after-quote" ? failure.at : failure.from;
  for (let i = from; i <= failure.at && i < text.length; i++) if (FULL_WIDTH[text[i] as string] !== undefined) return i;
  return undefined;
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
