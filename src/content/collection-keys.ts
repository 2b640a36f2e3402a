import { isCollection, visit, type Document, type LineCounter } from "yaml";
import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";

/**
 * `[^1]: 注記` or `[参考]: https://…` above the closing `---`: a footnote or
 * link definition that strayed into the front matter, which YAML reads as a
 * field whose name is a list. Such a name is no field gekkan has, and made
 * into one it turned into "[ ^1 ]" (with a warning from Node printed beside
 * gekkan's lines) and was placed at line 2, far from where it was written.
 * Each is named here, as written, at its own line.
 */
export function collectionKeys(file: string, doc: Document.Parsed, lines: LineCounter, source: string): VFileMessage[] {
  const messages: VFileMessage[] = [];
  visit(doc, {
    Pair: (_key, pair) => {
      const key = pair.key;
      if (!isCollection(key) || key.range === undefined || key.range === null) return;
      const written = source.slice(key.range[0], key.range[1]).trim();
      const shown = written.length > 40 ? `${written.slice(0, 39)}…` : written;
      const pos = lines.linePos(key.range[0]);
      const reason = `"${shown}" cannot be a field's name: YAML reads ${written.startsWith("{") ? "{ } as a mapping" : "[ ] as a list"} there; front matter holds fields such as title: "…", so if this is a footnote or a link definition, move it below the closing ---, into the text`;
      messages.push(diagnostic(file, reason, { line: pos.line, column: pos.col }, "yaml-syntax"));
    },
  });
  return messages;
}
