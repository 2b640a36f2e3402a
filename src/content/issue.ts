import type { VFileMessage } from "vfile-message";
import { decodeSource } from "./decode.js";
import { parseFrontMatter } from "./front-matter.js";
import { frontMatterExpectations, frontMatterSchema, type SchemaContext } from "./schema.js";
import { placeOfPath } from "./yaml-place.js";
import { reportSchemaIssues } from "../schema-report.js";
import { describeValue, diagnostic } from "../diagnostics.js";

/** One issue as the author wrote it, validated; no rendering yet. */
export interface Issue {
  /** Path relative to the site root, with forward slashes (used in messages). */
  file: string;
  number: number;
  title: string;
  /** Calendar day, YYYY-MM-DD. */
  date: string;
  summary: string;
  tags: string[];
  draft: boolean;
  lang: string;
  slug: string;
  authors: string[];
  body: string;
  /** File line of the body's first line, to map Markdown positions back. */
  bodyLine: number;
  /** Front-matter line of the `issue:` key, for duplicate-number messages. */
  numberLine: number;
  slugLine: number;
}

export interface IssueContext extends SchemaContext {
  defaultLang: string;
}

export type IssueResult = { ok: true; issue: Issue } | { ok: false; messages: VFileMessage[] };

/** Pure: (file name, bytes, context) → Issue or located messages. */
export function parseIssue(file: string, bytes: Uint8Array, context: IssueContext): IssueResult {
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return { ok: false, messages: [decoded.message] };
  const fm = parseFrontMatter(file, decoded.text);
  if (!fm.ok) return fm;
  const { doc, lines, data, body, bodyLine } = fm.value;
  const start = { line: 1, column: 1 };
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const reason = `front matter must be a mapping of fields (title: …, issue: …, date: …), found ${describeValue(data)}`;
    return { ok: false, messages: [diagnostic(file, reason, { line: 2, column: 1 }, "front-matter-shape")] };
  }
  const result = frontMatterSchema(context).safeParse(data, { reportInput: true });
  if (!result.success) {
    return {
      ok: false,
      messages: reportSchemaIssues(result.error, {
        file,
        noun: "front matter field",
        expectations: frontMatterExpectations(context),
        locate: (path, prefer) => placeOfPath(doc, lines, path, 0, prefer),
        start,
        ruleId: "front-matter-schema",
      }),
    };
  }
  const fields = result.data;
  return {
    ok: true,
    issue: {
      file,
      number: fields.issue,
      title: fields.title,
      date: fields.date,
      summary: fields.summary ?? "",
      tags: fields.tags,
      draft: fields.draft,
      lang: fields.lang ?? context.defaultLang,
      slug: fields.slug ?? fields.date.slice(0, 7),
      authors: fields.authors,
      body,
      bodyLine,
      numberLine: placeOfPath(doc, lines, ["issue"], 0, "key")?.line ?? 1,
      slugLine: placeOfPath(doc, lines, [fields.slug ? "slug" : "date"], 0, "key")?.line ?? 1,
    },
  };
}
