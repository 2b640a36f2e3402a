import { readSources } from "../content/sources.js";
import type { ContentLimits } from "../limits.js";
import { decodeSource } from "../content/decode.js";
import { parseFrontMatter } from "../content/front-matter.js";
import { isRecord } from "../well-formed.js";
import type { Place } from "../diagnostics.js";

/** What numbering needs from an issue file, read leniently: a broken file still holds its number. */
export interface ExistingIssue {
  file: string;
  number: number | undefined;
  /** YYYY-MM-DD as written, if readable. */
  date: string | undefined;
  slug: string | undefined;
  /** The `aliases` as written (the slugs it was published under before): addresses `gekkan new --slug` must not take. */
  aliases: readonly string[];
  /** The `title` field as written, if a string. */
  title: string | undefined;
  /** `draft: true` as written. */
  draft: boolean;
  /** The `lang` field as written (absent: the site's language). */
  lang: string | undefined;
  /** Line of each of these fields in the front matter, where written: a message about the month points at `date:`, one about a translation at `lang:`. */
  lines: FieldLines;
  /** The file's text as decoded ("" when it could not be): `gekkan new --translate` starts from it. */
  text: string;
  /** Where the file's first problem is, when its text or front matter cannot be read: its fields are then only what could be picked out by hand. */
  unread: Place | undefined;
  /** Where its `issue:` is (else the front matter's start), when the front matter reads but holds no whole number there (`issue: "4"`, `第4号`, none). */
  numberUnread: Place | undefined;
}

export type FieldLines = Readonly<Partial<Record<"issue" | "date" | "lang" | "slug" | "aliases", number>>>;

/** Every issue file, drafts included, as far as its front matter can be read. */
export async function readExistingIssues(root: string, limits?: ContentLimits): Promise<ExistingIssue[]> {
  // A file that cannot be read (a FIFO, a link outside the site) stops `gekkan new` with its message.
  const sources = await readSources(root, limits);
  return sources.map(({ file, bytes }) => {
    const decoded = decodeSource(file, bytes);
    const text = decoded.ok ? decoded.text : "";
    const parsed = decoded.ok ? parseFrontMatter(file, text) : undefined;
    const data = parsed?.ok && isRecord(parsed.value.data) ? parsed.value.data : fallbackFields(text);
    const date = typeof data.date === "string" ? data.date : undefined;
    const problem = decoded.ok ? (parsed?.ok === false ? parsed.messages[0] : undefined) : decoded.message;
    const number = typeof data.issue === "number" && Number.isInteger(data.issue) ? data.issue : undefined;
    const lines = fieldLines(text);
    return {
      file,
      number,
      date,
      slug: typeof data.slug === "string" ? data.slug : undefined,
      aliases: Array.isArray(data.aliases) ? data.aliases.filter((alias): alias is string => typeof alias === "string") : [],
      title: typeof data.title === "string" ? data.title : undefined,
      draft: data.draft === true,
      lang: typeof data.lang === "string" ? data.lang : undefined,
      lines,
      text,
      unread: problem === undefined ? undefined : { line: problem.line ?? 1, column: problem.column ?? 1 },
      numberUnread: problem === undefined && number === undefined ? { line: lines.issue ?? 1, column: 1 } : undefined,
    };
  });
}

/** When the YAML is broken, `issue: N` and `date: …` lines are still worth a look. */
function fallbackFields(text: string): Record<string, unknown> {
  const issue = /^issue\s*:\s*(\d+)\s*$/m.exec(text)?.[1];
  const date = /^date\s*:\s*["']?(\d{4}-\d{2}-\d{2})["']?\s*$/m.exec(text)?.[1];
  return { issue: issue === undefined ? undefined : Number(issue), date };
}

/**
 * The line of each field named in FieldLines, from the front matter only: a
 * body line starting `date:` is no field. Read by hand, as the YAML may be
 * broken; the first of a field given twice, as YAML's message names that one.
 */
function fieldLines(text: string): FieldLines {
  const lines: Partial<Record<keyof FieldLines, number>> = {};
  const all = text.split("\n");
  if (!/^---[ \t]*\r?$/.test(all[0] ?? "")) return lines;
  for (let i = 1; i < all.length && !/^---[ \t]*\r?$/.test(all[i] ?? ""); i++) {
    const name = /^(issue|date|lang|slug|aliases)[ \t]*:/.exec(all[i] ?? "")?.[1] as keyof FieldLines | undefined;
    if (name !== undefined) lines[name] ??= i + 1;
  }
  return lines;
}

/** The line of the first of `fields` the file gives, for a message about it; else the first line. */
export function lineOfField(issue: ExistingIssue, ...fields: readonly (keyof FieldLines)[]): number {
  for (const field of fields) {
    const line = issue.lines[field];
    if (line !== undefined) return line;
  }
  return 1;
}
