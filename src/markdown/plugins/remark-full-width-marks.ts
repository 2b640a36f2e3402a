import type { Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import { diagnostic } from "../../diagnostics.js";
import { insideAny, lineAt, lineStarts, placeCursor, type Position } from "../reader-text.js";

/**
 * Markdown's marks typed full-width, as a Japanese input method left on
 * types them: `＞ 引用` (a quote), `｀｀｀` (a code fence), `｀crm_mon｀`
 * (inline code), `｜ 名前 ｜ 値 ｜` (table rows), `［前号］(…)` (a link), `＊＊太字＊＊`
 * (bold) and `[＾1]` (a footnote). Markdown knows only the ASCII
 * marks, so each was printed as text, the fence's code and the table's rows
 * run together into one paragraph. Each is an error saying what to type.
 * A single ＊ is left alone: Japanese uses it as a note mark (＊1, ＊注).
 * (`＃ 見出し`, `・項目` and `[前号]（…）` have checks of their own.)
 */
export function remarkFullWidthMarks() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    // `[＾1]: 注` is a link's definition to Markdown, its address the note's first word: no paragraph holds it.
    visit(tree, "definition", (node) => {
      const start = node.position?.start;
      if (start === undefined || !node.label?.startsWith("＾")) return;
      file.messages.push(diagnostic(where, footnoteReason(`[${node.label}]:`, node.label.slice(1)), { line: start.line, column: start.column }, "full-width-marks"));
    });
    visit(tree, "paragraph", (node) => {
      const lines = lineStarts(node, source).map((start) => ({ ...start, text: lineAt(source, start.offset) }));
      lines.forEach((line, i) => {
        const reason = lineStartMistake(line.text, lines[i - 1]?.text, lines[i + 1]?.text);
        if (reason !== undefined) file.messages.push(diagnostic(where, reason, line.place, "full-width-marks"));
      });
      const from = node.position?.start.offset;
      const to = node.position?.end.offset;
      if (from === undefined || to === undefined) return;
      const placeOf = placeCursor(source, node.position as Position);
      const text = source.slice(from, to);
      const found = [
        ...[...text.matchAll(FULL_WIDTH_LINK)].map((match) => ({ at: match.index, reason: `"${match[0]}…" is printed as text, not as a link: its brackets ［ ］ are full-width; type them as ASCII [ ]` })),
        ...[...text.matchAll(FULL_WIDTH_CODE)].map((match) => ({ at: match.index, reason: `"${shorten(match[0])}" is printed as text with its marks, not as code: its ｀ are full-width; type ASCII backquotes, "\`${shorten(match[1] ?? "")}\`"` })),
        ...[...text.matchAll(FULL_WIDTH_STRONG)].map((match) => ({ at: match.index, reason: strongReason(match[0], match[2] ?? "") })),
        // A colon after it makes it a note's definition only at the start of a line.
        ...[...text.matchAll(FULL_WIDTH_FOOTNOTE)].map((match) => ({ at: match.index, reason: footnoteReason(match.index === 0 || text[match.index - 1] === "\n" ? match[0] : match[0].replace(/[:：]$/u, ""), match[1] ?? "") })),
      ];
      if (found.length === 0) return;
      // `｀` written in inline code is what the author meant (looked up only when a mark was found: most paragraphs have none).
      const inCode = insideAny(node, ["inlineCode"]);
      found.sort((a, b) => a.at - b.at);
      // In order along the paragraph: the cursor only moves forward.
      for (const { at, reason } of found) {
        if (inCode(from + at)) continue;
        const place = placeOf(at);
        if (place !== undefined) file.messages.push(diagnostic(where, reason, place, "full-width-marks"));
      }
    });
  };
}

/** ［text］ then an opening parenthesis: a link with full-width brackets (the text is short: not a whole paragraph in brackets). */
const FULL_WIDTH_LINK = /［[^］\n]{1,200}］[(（]/gu;

/** ＊＊bold＊＊ or ＿＿bold＿＿ on one line, no blank just inside the marks (as CommonMark wants of ** too). */
const FULL_WIDTH_STRONG = /(＊＊|＿＿)(?![\s\u3000＊＿])([^＊＿\n]{1,200}?)(?<![\s\u3000])\1/gu;

/** A footnote reference or definition with its ^ (or brackets) typed full-width: [＾1], ［＾1］, ［^1］. */
const FULL_WIDTH_FOOTNOTE = /(?:\[＾|［[＾^])([^\]］\s\u3000]{1,50})[\]］](?:[:：])?/gu;

function strongReason(written: string, words: string): string {
  // Punctuation at either end needs a space or punctuation outside ** too (remark-stranded-emphasis): <strong> works anywhere.
  const fix = /^\p{P}|\p{P}$/u.test(words) ? `<strong>${words}</strong>` : `**${words}**`;
  return `"${shorten(written)}" is printed as text with its marks, not in bold: its ${written[0] ?? ""} are full-width; type ${fix}`;
}

function footnoteReason(written: string, label: string): string {
  const definition = /[:：]$/.test(written);
  const marks = [["＾", "＾"], ["［］", "［ ］"], ["：", "："]].filter(([chars]) => [...(chars ?? "")].some((c) => written.includes(c))).map(([, shown]) => shown);
  const fix = definition ? `[^${label}]:` : `[^${label}]`;
  return `"${written}" is printed as text, not as a footnote${definition ? "'s note" : ""}: its ${marks.slice(0, -1).join(", ")}${marks.length > 1 ? " and " : ""}${marks.at(-1) ?? ""} ${marks.length === 1 && marks[0] === "＾" ? "is" : "are"} full-width; type "${fix}"`;
}

/** ｀code｀ on one line, the marks single (three or more open a fence, reported above). */
const FULL_WIDTH_CODE = /(?<!｀)｀([^｀\n]{1,200})｀(?!｀)/gu;

function lineStartMistake(line: string, before: string | undefined, after: string | undefined): string | undefined {
  if (/^＞[ \u3000]?\S/u.test(line)) return `"${shorten(line)}" is printed as text, not as a quote: its ＞ is full-width; type ASCII > and a space, "> ${shorten(line.slice(1).trim())}"`;
  if (/^｀{3,}/u.test(line)) return `"${shorten(line)}" is printed as text, not as a code block: its ｀ marks are full-width; type ASCII \`\`\` (three backquotes) on the opening and the closing line`;
  const row = (text: string | undefined) => text !== undefined && /^[ \t]*｜.*｜[ \t]*$/u.test(text);
  // A table is two rows or more: report its first row only.
  if (row(line) && row(after) && !row(before)) return `"${shorten(line)}" and the lines below it are printed as one line of text, not as a table: their ｜ are full-width; type ASCII | between the cells`;
  return undefined;
}

function shorten(text: string): string {
  const trimmed = text.trimEnd();
  return trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
}
