import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Scalar } from "yaml";
import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import { fieldName } from "../schema-report.js";

/** The fields whose values are text a reader sees: a title, a summary, the authors' names. */
const TEXT_FIELDS = new Set(["title", "summary", "authors"]);

/**
 * `title: 第1号 #特集`: in YAML a space then "#" starts a comment, so the
 * page said "第1号" and the build said nothing; `title: #1 特集` left the
 * title empty, said as "found null". In a text field nothing tells a note
 * from text ("#特集" and "# 仮題" alike), and publishing half a title is
 * worse than asking for quotes or a line of its own, so any comment after an
 * unquoted value of a text field is an error at its "#". A comment after a
 * quoted value, a list's "]", or a value of another field (`draft: true #
 * まだ`, `tags: [pacemaker] # 要確認`) can only be a note: "#" is in no
 * true/false, date, number or component name, and quotes end the text.
 */
export function commentedText(file: string, doc: Document.Parsed, lines: LineCounter, source: string): VFileMessage[] {
  const contents = doc.contents;
  if (!isMap(contents)) return [];
  const messages: VFileMessage[] = [];
  for (const pair of contents.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !TEXT_FIELDS.has(String(pair.key.value))) continue;
    const key = String(pair.key.value);
    if (key !== "authors" && isScalar(pair.value)) messages.push(...said(file, lines, source, pair.value, [key]));
    // A block list's items only: in a flow list ([山田, 佐藤]) a "#" would hide the closing "]", which YAML already refuses.
    if (key === "authors" && isSeq(pair.value) && pair.value.flow !== true) {
      pair.value.items.forEach((item, i) => isScalar(item) && messages.push(...said(file, lines, source, item, [key, i])));
    }
  }
  return messages;
}

/** The message for one value, if a comment follows it on its own line. */
function said(file: string, lines: LineCounter, source: string, node: Scalar, path: readonly PropertyKey[]): VFileMessage[] {
  const range = node.range;
  if (node.type !== "PLAIN" || node.comment === undefined || range === undefined || range === null) return [];
  const hash = source.indexOf("#", range[1]);
  // A comment on a line below the value is a note on a line of its own, as it should be.
  if (hash === -1 || hash >= range[2] || /[\r\n]/.test(source.slice(range[1], hash))) return [];
  const lineEnd = source.slice(hash).search(/\r?\n|$/);
  const comment = source.slice(hash, hash + lineEnd).replace(/[ \t]+$/, "");
  // As typed (`1.0`, not the number 1), a value over lines joined as YAML joins them.
  const value = source.slice(range[0], range[1]).replace(/[ \t]*\r?\n[ \t]*/g, " ");
  const text = `${value}${source.slice(range[1], hash)}${comment}`;
  const named = fieldName(path);
  const quoted = pasted(source, range[0], hash, text);
  const pos = lines.linePos(hash);
  // An item of authors is written after its dash, a field's value after its colon.
  const after = path.length > 1 ? "dash" : "colon";
  const reason =
    value === ""
      ? `"#" starts a comment in YAML, so the value of ${named} is empty and ${JSON.stringify(comment)} is left out; to keep it as the value, put it in quotes: ${quoted}; if it is a note, move it to a line of its own and write the value after the ${after}`
      : `a space then "#" starts a comment in YAML, so ${JSON.stringify(comment)} is left out of ${named}, which would be ${JSON.stringify(value)}; to keep it, put the whole value in quotes: ${quoted}; if it is a note, move it to a line of its own`;
  return [diagnostic(file, reason, { line: pos.line, column: pos.col }, "yaml-comment")];
}

/**
 * The value in quotes, with its line's `title: ` or `  - ` when it starts
 * on that line and fits on one, so the fix can be pasted over the line.
 * Single quotes when the text holds double ones, which then need no escape.
 */
function pasted(source: string, start: number, hash: number, text: string): string {
  const quoted = text.includes("\"") && !text.includes("'") ? `'${text}'` : JSON.stringify(text);
  const lineStart = source.lastIndexOf("\n", start - 1) + 1;
  const before = source.slice(lineStart, start);
  if (/[\r\n]/.test(source.slice(start, hash)) || !/^[ \t]*(?:-[ \t]+|[^\s:#'"-][^:#]*:[ \t]+)$/.test(before)) return quoted;
  return `${before.replace(/[ \t]+$/, " ")}${quoted}`;
}

/**
 * The comment where a value should be (`date: # 未定`), "#" and its first
 * line: YAML reads no value there, and an author who wrote a note in its
 * place is told why the field is empty.
 */
export function commentInPlace(doc: Document.Parsed, path: readonly PropertyKey[]): string | undefined {
  const node = doc.getIn(path, true);
  if (!isScalar(node) || node.value !== null || node.comment === undefined || node.comment === null) return undefined;
  return `#${node.comment.split("\n")[0]}`.trimEnd();
}
