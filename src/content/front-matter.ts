import matter from "gray-matter";
import { LineCounter, parseDocument, type Document } from "yaml";
import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";

export interface FrontMatter {
  /** The parsed YAML document, kept for locating schema issues. */
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
  body: string;
  /** File line on which the body's first line sits (1-based). */
  bodyLine: number;
}

export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; messages: VFileMessage[] };

const OPEN = /^---[ \t]*\n/;
const CLOSE = /\n---[ \t]*(?:\n|$)/;

/**
 * Splits front matter with gray-matter and parses it with `yaml`, which keeps
 * node ranges: gray-matter alone (js-yaml) cannot say where a key is.
 * The matter string gray-matter hands over starts on line 1 of the file, so
 * YAML positions are file positions with no offset.
 */
export function parseFrontMatter(file: string, text: string): FrontMatterResult {
  if (!OPEN.test(text)) {
    return failed(diagnostic(file, "missing front matter: the file must start with a line containing only --- followed by title, issue and date", { line: 1, column: 1 }, "front-matter-missing"));
  }
  if (!CLOSE.test(text.slice(3))) {
    return failed(diagnostic(file, "front matter is never closed: add a line containing only --- after the last field", { line: 1, column: 1 }, "front-matter-unclosed"));
  }
  const lines = new LineCounter();
  let doc: Document.Parsed | undefined;
  const parsed = matter(text, {
    engines: {
      yaml: (source: string) => {
        doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, version: "1.2" });
        return {};
      },
    },
  });
  if (!doc) {
    return failed(diagnostic(file, "front matter could not be read", { line: 1, column: 1 }, "front-matter-invalid"));
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      messages: doc.errors.map((error) => {
        const pos = lines.linePos(error.pos[0]);
        const reason = `invalid YAML in front matter: ${firstLine(error.message)}`;
        return diagnostic(file, reason, { line: pos.line, column: pos.col }, "yaml-syntax");
      }),
    };
  }
  const body = parsed.content;
  const consumed = text.slice(0, text.length - body.length);
  const bodyLine = countNewlines(consumed) + 1;
  return { ok: true, value: { doc, lines, data: doc.toJS() ?? {}, body, bodyLine } };
}

function failed(message: VFileMessage): FrontMatterResult {
  return { ok: false, messages: [message] };
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? text;
  // yaml appends " at line X, column Y"; the location is printed separately.
  return line.replace(/ at line \d+, column \d+:?$/, "");
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
