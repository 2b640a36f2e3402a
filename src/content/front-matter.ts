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
  let yamlSource = "";
  const parsed = matter(text, {
    engines: {
      yaml: (source: string) => {
        yamlSource = source;
        doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, version: "1.2" });
        return {};
      },
    },
  });
  // gray-matter skips the engine for empty front matter (`---` straight after `---`):
  // that is an empty mapping, so the schema can say which fields are missing.
  doc ??= parseDocument("", { lineCounter: lines, version: "1.2" });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      messages: doc.errors.map((error) => {
        const opening = error.code === "MISSING_CHAR" ? openingQuote(yamlSource, error.pos[0], error.message) : undefined;
        const pos = lines.linePos(opening ?? error.pos[0]);
        const reason = opening === undefined
          ? `invalid YAML in front matter: ${firstLine(error.message)}`
          : `invalid YAML in front matter: the quoted string that starts here is never closed (add the closing ${yamlSource[opening] ?? "quote"})`;
        return diagnostic(file, reason, { line: pos.line, column: pos.col }, "yaml-syntax");
      }),
    };
  }
  const body = parsed.content;
  const consumed = text.slice(0, text.length - body.length);
  const bodyLine = countNewlines(consumed) + 1;
  return { ok: true, value: { doc, lines, data: (doc.toJS() as unknown) ?? {}, body, bodyLine } };
}

function failed(message: VFileMessage): FrontMatterResult {
  return { ok: false, messages: [message] };
}

/**
 * yaml reports a missing closing quote where the text runs out, which can be
 * lines below the mistake; the opening quote is the place to fix.
 */
function openingQuote(text: string, end: number, message: string): number | undefined {
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  if (quote === undefined) return undefined;
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] === quote && !(quote === "\"" && text[i - 1] === "\\")) return i;
  }
  return undefined;
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
