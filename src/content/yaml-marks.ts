import { isAlias, isScalar, visit, type Document, type LineCounter } from "yaml";
import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";

/**
 * `title: &速報 新リリース` or `title: !重要 お知らせ`: YAML reads a value's
 * leading `&word` as an anchor (a name for the value) and `!word` as a tag,
 * and leaves both out of the text, so the page said "新リリース" and the
 * build said nothing. No front matter means them on a plain value (an anchor
 * that an alias uses is a reuse, and YAML's own tags such as !!str are
 * kept), so each is an error with the quotes that keep the words.
 */
export function markedScalars(file: string, doc: Document.Parsed, lines: LineCounter, source: string): VFileMessage[] {
  const used = new Set<string>();
  visit(doc, { Alias: (_key, node) => void (isAlias(node) && used.add(node.source)) });
  const messages: VFileMessage[] = [];
  visit(doc, {
    Scalar: (_key, node) => {
      if (!isScalar(node) || node.range === undefined || node.range === null) return;
      const anchor = node.anchor !== undefined && !used.has(node.anchor) ? `&${node.anchor}` : undefined;
      const tag = node.tag !== undefined && !node.tag.startsWith("tag:yaml.org,2002:") ? node.tag : undefined;
      const mark = anchor ?? tag;
      if (mark === undefined) return;
      const at = source.lastIndexOf(mark, node.range[0]);
      if (at === -1) return;
      const lineStart = source.lastIndexOf("\n", at - 1) + 1;
      const written = source.slice(at, node.range[1]).trim();
      // The field's name when the value stands on its own line after it (title: &速報 …), for a fix that can be pasted.
      const field = /^([ \t]*)([^\s:#'"][^:#]*?):[ \t]+$/.exec(source.slice(lineStart, at));
      const fix = field === null ? JSON.stringify(written) : `${field[1] ?? ""}${field[2] ?? ""}: ${JSON.stringify(written)}`;
      const named = field === null ? "this value" : `the value of "${field[2] ?? ""}"`;
      const what = anchor !== undefined ? "an anchor (a name for the value)" : "a tag (a type for the value)";
      const pos = lines.linePos(at);
      messages.push(diagnostic(file, `${named} starts with "${mark}", which YAML reads as ${what} and leaves out, so it would be ${JSON.stringify(String(node.value))}; put the whole value in quotes: ${fix}`, { line: pos.line, column: pos.col }, "yaml-syntax"));
    },
  });
  return messages;
}

/**
 * `title: *x`: YAML reads the value as an alias, a reference to a value
 * named x by an anchor (`&x`), and with no such anchor it cannot be read at
 * all; it was reported as too many aliases. Each is an error at the `*`,
 * with the quotes that keep it as text.
 */
export function unresolvedAliases(file: string, doc: Document.Parsed, lines: LineCounter, source: string): VFileMessage[] {
  const messages: VFileMessage[] = [];
  visit(doc, {
    Alias: (_key, node) => {
      if (!isAlias(node) || node.range === undefined || node.range === null || node.resolve(doc) !== undefined) return;
      const at = node.range[0];
      const lineStart = source.lastIndexOf("\n", at - 1) + 1;
      const written = source.slice(at, node.range[1]).trim();
      const field = /^([ \t]*)([^\s:#'"][^:#]*?):[ \t]+$/.exec(source.slice(lineStart, at));
      const fix = field === null ? JSON.stringify(written) : `${field[1] ?? ""}${field[2] ?? ""}: ${JSON.stringify(written)}`;
      const named = field === null ? "this value" : `the value of "${field[2] ?? ""}"`;
      const pos = lines.linePos(at);
      messages.push(diagnostic(file, `${named} starts with "*", which YAML reads as an alias (a reference to a value named "${node.source}" by an anchor, &${node.source}), and no value is named so; put the whole value in quotes: ${fix}`, { line: pos.line, column: pos.col }, "yaml-syntax"));
    },
  });
  return messages;
}
