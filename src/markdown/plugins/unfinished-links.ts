import type { Node } from "unist";
import type { Paragraph } from "mdast";
import { visit } from "unist-util-visit";
import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../../diagnostics.js";
import { insideAny, placeCursor, placedMatches, readerText, type Position } from "../reader-text.js";
import { slashedPath } from "../backslash-path.js";

/**
 * Links CommonMark does not make, whose brackets and address the page would
 * show as text: never what the author meant.
 * - `[text](address` with no `)` after it on the line;
 * - `<https://…` with no `>` (an autolink left open);
 * - `[text][label]` or `[text][]` with no `[label]: address` line in the issue;
 * - `[[page]]`, the wiki link of other editors, which Markdown does not have;
 * - `[text](\a\b\)`, closed by an escaped ")" (escapedCloses).
 * A match written with escapes (`\[`) is shown on purpose and left alone
 * (placedMatches); footnotes (`[^1]`) have checks of their own.
 */
export function unfinishedLinks(node: Node, source: string, where: string, labels: () => readonly string[]): VFileMessage[] {
  const messages: VFileMessage[] = [];
  const report = (at: { line: number; column: number }, reason: string) => messages.push(diagnostic(where, reason, at, "link-near-miss"));
  // No ")" (nor a full-width one, reported as such) after it anywhere in the paragraph: found from the last one, not by a scan per match.
  const text = readerText(node);
  const lastClose = Math.max(text.lastIndexOf(")"), text.lastIndexOf("）"));
  const unclosed = (match: RegExpMatchArray) => (match.index ?? 0) + match[0].length > lastClose;
  for (const { match, place } of placedMatches(node, source, UNCLOSED, unclosed)) {
    const [written = "", bang = ""] = match;
    report(place, `"${written}" is printed as text, not as ${bang === "!" ? "an image" : "a link"}: its closing ")" is missing; end it with ), "${closed(written)}"`);
  }
  const closeOnLine = nextOnLine(text, ">");
  // Asked of every match in order (nextOnLine's rule), so the space is looked at after it.
  const openOrSpaced = (m: RegExpMatchArray) => !closeOnLine((m.index ?? 0) + m[0].length) || /^[ \t]/.test(text.charAt((m.index ?? 0) + m[0].length));
  for (const { match, at, place } of placedMatches(node, source, OPEN_AUTOLINK, openOrSpaced)) {
    // `\<` shows the "<" on purpose; the escape leaves the match's text as it was, so it is looked for in the source.
    const offset = ((node as { position?: Position }).position?.start.offset ?? 0) + at;
    if (/(?:^|[^\\])(?:\\\\)*\\$/.test(source.slice(Math.max(0, offset - 50), offset))) continue;
    const [written = "", address = ""] = match;
    const rest = /^[^>\n]{0,500}>/.exec(text.slice((match.index ?? 0) + written.length, (match.index ?? 0) + written.length + 502))?.[0];
    if (rest === undefined) {
      report(place, `"${written}" is printed with its "<": the address's closing ">" is missing; write "<${address}>", or the address alone`);
      continue;
    }
    const spaced = `${written}${rest}`;
    report(place, `"${spaced}" is printed with its "<" and ">": an address in angle brackets cannot hold a space; if the address goes on after it, write the space as %20, "${spaced.replace(/[ \t]/g, "%20")}", else end it before the space, "<${address}>"`);
  }
  for (const { match, place } of placedMatches(node, source, UNDEFINED_REFERENCE)) {
    const [written = "", text = "", label = ""] = match;
    const name = label === "" ? text : label;
    report(place, `"${written}" is printed as text, not as a link: the issue has no line "[${name}]: address" that says where it goes; add one on a line of its own (e.g. "[${name}]: https://example.org/"), or write the address in the link: "[${text}](address)"${knownLabels(labels())}`);
  }
  for (const { match, place } of placedMatches(node, source, WIKI_LINK)) {
    const [written = "", text = ""] = match;
    report(place, `"${written}" is printed as text: Markdown has no [[…]] links; write "[${text}](address)" with the page's address (another issue: /issues/…/)`);
  }
  for (const { written, place } of escapedCloses(node, source)) report(place, escapedCloseAdvice(written));
  return messages;
}

/**
 * `[text](address` and the rest of its line; reported when no ")" (nor a
 * full-width one) follows anywhere in the paragraph: one closed on a later
 * line (`[a](b⏎c)`) is a mistake of another kind, left as CommonMark prints it.
 */
const UNCLOSED = /(!?)\[[^\]\n]{0,200}\]\([^\s()（）]{1,200}(?:[ \t]+"[^"\n]{0,200}"?)?(?=[ \t]*(?:\n|$))/g;

/** `<scheme:address`; reported when no ">" follows on its line (nextOnLine). */
const OPEN_AUTOLINK = /<((?:https?|ftp|mailto):[^\s<>]{1,500})/gi;

/**
 * Whether `mark` stands between an offset and the end of its line, asked
 * for offsets in increasing order: each search starts where the last one
 * ended, so a long line of matches is read once, not once per match.
 */
function nextOnLine(text: string, mark: string): (from: number) => boolean {
  let markAt = -2;
  let breakAt = -2;
  const next = (known: number, char: string, from: number) => (known !== -1 && known < from ? text.indexOf(char, from) : known);
  return (from) => {
    markAt = next(markAt, mark, from);
    breakAt = next(breakAt, "\n", from);
    return markAt !== -1 && (breakAt === -1 || markAt < breakAt);
  };
}

/**
 * `[text][label]` or `[text][]` left as text: had the label a definition,
 * CommonMark would have made it a link. Not after a letter, digit or bracket
 * of ASCII: `a[i][j]` is an index written in prose.
 */
const UNDEFINED_REFERENCE = /(?<![A-Za-z0-9_\])])\[([^\[\]\n^][^\[\]\n]{0,200})\]\[((?:[^\[\]\n^][^\[\]\n]{0,200})?)\]/g;

/** `[[page]]`: alone, not in a run of more brackets (`[[[x]]]`), an embed (`![[x]]`) or a definition-like line (`[[x]]: /url`), which are other mistakes. */
const WIKI_LINK = /(?<![A-Za-z0-9_\])\]![\[])\[\[([^\[\]\n]{1,200})\]\](?![(\]:])/g;

/** The link closed where it was meant to end: at the end, or before the first letter no address has (`[公式](www.example.orgで公開` → `…org)で公開`). */
function closed(written: string): string {
  const open = written.indexOf("](") + 2;
  const address = /^\S*/.exec(written.slice(open))?.[0] ?? "";
  const end = address.search(/[^\x00-\x7e]/);
  return end <= 0 ? `${written})` : `${written.slice(0, open + end)})${written.slice(open + end)}`;
}

/** The issue's own link labels, when there are a few to choose from. */
function knownLabels(labels: readonly string[]): string {
  if (labels.length === 0 || labels.length > 8) return "";
  return ` (this issue defines ${labels.map((label) => `[${label}]`).join(", ")})`;
}

/**
 * `[text](\a\b\)` or `[text](<\a\b\>)`: an address ending in a \ before
 * the ")" (or ">") that ends it. A Windows folder's path ends so, and the \
 * escapes the mark: the link is never closed, and the page shows it as text
 * with that \ gone (`[text](\a\b)`), so it is found in the source, where
 * the \ is still written. One CommonMark made a link after all (a ")"
 * later on the line closed it) is left alone, and so is one in code.
 */
const ESCAPED_CLOSE = /(!?)\[([^\]\n]{0,200})\]\((<[^<>\n]{0,200}\\>\)|[^\s()<][^\s()]{0,200}\\\))/g;

function escapedCloses(node: Node, source: string): Array<{ written: string; place: { line: number; column: number } }> {
  const position = (node as { position?: Position }).position;
  const from = position?.start.offset;
  const to = position?.end.offset;
  if (from === undefined || to === undefined) return [];
  const written = source.slice(from, to);
  if (!written.includes("\\)") && !written.includes("\\>")) return [];
  const links = new Set<number>();
  visit(node, (inner) => {
    if ((inner.type === "link" || inner.type === "image") && inner.position?.start.offset !== undefined) links.add(inner.position.start.offset);
  });
  const inCode = insideAny(node as Paragraph, ["inlineCode", "html"]);
  const placeOf = placeCursor(source, position);
  const found: Array<{ written: string; place: { line: number; column: number } }> = [];
  for (const match of written.matchAll(ESCAPED_CLOSE)) {
    const at = match.index;
    // A "[" after an odd run of \ is text on purpose.
    if (links.has(from + at) || inCode(from + at) || /(?:^|[^\\])\\(?:\\\\)*$/.test(written.slice(Math.max(0, at - 20), at))) continue;
    const place = placeOf(at);
    if (place !== undefined) found.push({ written: match[0], place });
  }
  return found;
}

/** What an escaped-close link is printed as, and the link with its address slashed and closed. */
function escapedCloseAdvice(written: string): string {
  const open = written.indexOf("](") + 2;
  const angle = written.charAt(open) === "<";
  // The last \ is the folder's too: `\a\b\` is `/a/b/`.
  const address = written.slice(angle ? open + 1 : open, angle ? -2 : -1);
  // A file's name (zu.png) takes no / after it: the \ was typed to close the path, not to name a folder.
  const slashed = slashedPath(address).replace(/((?:^|\/)[^/]*\.[a-z0-9]{1,8})\/$/i, "$1");
  const fixed = `${written.slice(0, open)}${angle ? `<${slashed}>` : slashed})`;
  const what = written.startsWith("!") ? "an image" : "a link";
  const mark = angle ? ">" : ")";
  return `"${written}" is printed as text, not as ${what}: the \\ before its closing "${mark}" makes that "${mark}" text, so the ${angle ? "address" : what.replace(/^an? /, "")} is never closed; a web address is written with / between folders, not \\: write "${fixed}"`;
}
