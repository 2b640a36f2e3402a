import matter from "gray-matter";
import { isAlias, isMap, isScalar, LineCounter, parseDocument, visit, type Document } from "yaml";
import type { VFileMessage } from "vfile-message";
import { diagnostic, type Place } from "../diagnostics.js";
import { DEFAULT_LIMITS, formatBytes, limitSetting, type ContentLimits } from "../limits.js";
import { yamlErrorReason } from "./yaml-errors.js";
import { markedScalars, unresolvedAliases } from "./yaml-marks.js";
import { collectionKeys } from "./collection-keys.js";
import { commentedText } from "./yaml-comments.js";
import { indentedFields } from "./indented-field.js";
import { wellFormed } from "../well-formed.js";
import { FULL_WIDTH_FENCE, fullWidthFence, neverClosed, textAmongFields, textBeforeYamlError } from "./unclosed-front-matter.js";

export interface FrontMatter {
  /** The parsed YAML document, kept for locating schema issues. */
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
  body: string;
  /** File line on which the body's first line sits (1-based). */
  bodyLine: number;
}

/**
 * `partial`: when only some fields' values are refused as written (a YAML
 * mark, a comment in a title), the rest as read, without those fields
 * (`unread`): their checks still run, so every mistake in the file is said
 * at once, not one fix later.
 */
export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; messages: VFileMessage[]; partial?: { value: FrontMatter; unread: ReadonlySet<string> } };

const OPEN = /^---[ \t]*\n/;
/** Lines of nothing but spaces (a full-width one too) before an opening ---. */
const BLANK_ABOVE_OPEN = /^(?:[ \t\u3000]*\n)+(?=---[ \t]*\n)/;
/** A closing fence is a line of exactly three dashes (trailing blanks allowed): `---x` and `----` are not one. */
const CLOSE = /^---[ \t]*$/m;

/**
 * Splits front matter with gray-matter and parses it with `yaml`, which keeps
 * node ranges: gray-matter alone (js-yaml) cannot say where a key is.
 * The matter string gray-matter hands over starts on line 1 of the file, so
 * YAML positions are file positions with no offset.
 */
export function parseFrontMatter(file: string, text: string, limits: ContentLimits = DEFAULT_LIMITS): FrontMatterResult {
  // Empty lines above the ---: the front matter is there, only not on line 1, so "missing" would mislead.
  const blankAbove = BLANK_ABOVE_OPEN.exec(text)?.[0];
  if (blankAbove !== undefined) {
    const count = countNewlines(blankAbove);
    const lines = count === 1 ? "line 1 above its --- is empty; delete it" : `lines 1–${count} above its --- are empty; delete them`;
    return failed(diagnostic(file, `the front matter must start on the file's first line, but ${lines}`, { line: 1, column: 1 }, "front-matter-missing"));
  }
  if (!OPEN.test(text)) {
    return failed(diagnostic(file, "missing front matter: the file must start with a line containing only --- followed by title, issue and date; every .md file under content/issues/ is read as an issue, so a file that is not one (notes, a README) belongs outside that folder", { line: 1, column: 1 }, "front-matter-missing"));
  }
  const afterOpen = text.indexOf("\n") + 1;
  const close = CLOSE.exec(text.slice(afterOpen));
  if (close === null) {
    // `---x` or `--- end` meant as the closing line: point at it.
    const near = /^---/m.exec(text.slice(afterOpen));
    if (near !== null) {
      const line = countNewlines(text.slice(0, afterOpen + near.index)) + 1;
      return failed(diagnostic(file, "front matter is never closed: this line starts with --- but the closing line must hold only ---; remove what follows the dashes", { line, column: 4 }, "front-matter-unclosed"));
    }
    return failed(neverClosed(file, text));
  }
  const closeStart = afterOpen + close.index;
  const yamlBytes = Buffer.byteLength(text.slice(afterOpen, closeStart));
  if (yamlBytes > limits.frontMatterBytes) {
    return failed(diagnostic(file, `the front matter is ${formatBytes(yamlBytes)}; the limit is ${formatBytes(limits.frontMatterBytes)} (${limitSetting("frontMatterBytes")}); keep only the fields of the issue there`, { line: 1, column: 1 }, "front-matter-too-large"));
  }
  const closeEnd = text.indexOf("\n", closeStart);
  const body = closeEnd === -1 ? "" : text.slice(closeEnd + 1);
  const bodyLine = countNewlines(text.slice(0, closeEnd === -1 ? text.length : closeEnd + 1)) + 1;
  const head = text.slice(0, closeStart);
  const typed = fullWidthTyping(file, head);
  if (typed.messages.length > 0) {
    // The lines as they must be typed, read again: a tab or an indented field elsewhere is said now, not one fix later.
    const rest = typed.retyped === undefined ? [] : unreadable(file, typed.retyped, parseYaml(typed.retyped)).filter((message) => !typed.lines.has(message.line ?? 0));
    return { ok: false, messages: [...typed.messages, ...rest] };
  }
  const parsed = parseYaml(head);
  const { doc, lines, source } = parsed;
  const problems = unreadable(file, head, parsed);
  if (problems.length > 0) return { ok: false, messages: problems };
  const limited = checkYamlLimits(file, doc, lines, limits);
  if (limited !== undefined) return failed(limited);
  const marked = [...markedScalars(file, doc, lines, source), ...unresolvedAliases(file, doc, lines, source), ...collectionKeys(file, doc, lines, source), ...commentedText(file, doc, lines, source)];
  if (marked.length > 0) return { ok: false, messages: marked.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), ...partialFields(doc, lines, marked, { body, bodyLine }, limits) };
  let data: unknown;
  try {
    data = wellFormed(doc.toJS({ maxAliasCount: limits.yamlAliases }));
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // yaml refuses an alias that expands too far (a "billion laughs" bomb).
    return failed(aliasProblem(file, doc, lines, limits));
  }
  return { ok: true, value: { doc, lines, data: data ?? {}, body, bodyLine } };
}

/**
 * The fields as read, without the top-level fields whose lines hold a
 * refused value: none when a refused value is in a key that is not a name
 * (`? [a]: b`), which no field is, or when the fields cannot be read at all
 * (an alias to nothing).
 */
function partialFields(doc: Document.Parsed, lines: LineCounter, refused: readonly VFileMessage[], body: Pick<FrontMatter, "body" | "bodyLine">, limits: ContentLimits): { partial?: { value: FrontMatter; unread: ReadonlySet<string> } } {
  const contents = doc.contents;
  if (!isMap(contents)) return {};
  const refusedLines = new Set(refused.map((message) => message.line ?? 0));
  const unread = new Set<string>();
  for (const pair of contents.items) {
    const start = (pair.key as { range?: [number, number, number] } | null)?.range?.[0];
    const end = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? start;
    if (start === undefined || end === undefined) return {};
    const [first, last] = [lines.linePos(start).line, lines.linePos(end).line];
    if (![...refusedLines].some((line) => line >= first && line <= last)) continue;
    if (!isScalar(pair.key)) return {};
    unread.add(String(pair.key.value));
  }
  // Read without the refused fields: an alias to nothing (`summary: *nope`) would stop the whole reading.
  const kept = doc.clone();
  for (const key of unread) kept.delete(key);
  let data: unknown;
  try {
    data = wellFormed(kept.toJS({ maxAliasCount: limits.yamlAliases }));
  } catch {
    return {};
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return {};
  return { partial: { value: { doc, lines, data, ...body }, unread } };
}

/**
 * YAML's syntax errors in words an author acts on. An indented field is named
 * once with its fix; YAML's own errors about it (on lines around it) go.
 */
function yamlSyntaxMessages(file: string, head: string, parsed: ReturnType<typeof parseYaml>): VFileMessage[] {
  const { doc, lines, source } = parsed;
  const indented = indentedFields(file, head);
  const explained = new Set(indented.flatMap((found) => found.lines));
  const said = new Set<number>();
  // Once the fields end (a stray "]"), yaml names every token after them "in YAML stream": one mistake, said once.
  const stream = doc.errors.findIndex((error) => / in YAML stream\b/.test(error.message));
  const errors = doc.errors.filter((error, i) => i <= stream || !/ in YAML stream\b/.test(error.message)).flatMap((error) => {
    const { reason, offset } = yamlErrorReason(error, source);
    const pos = lines.linePos(offset);
    // yaml may fail two or three ways on one line (`title: - x`); the first reason names the mistake, the others repeat it.
    // An error placed at a line already said is that mistake seen further on (the next item of a stray list): its own line is said too.
    if (said.has(pos.line)) {
      said.add(lines.linePos(error.pos[0]).line);
      return [];
    }
    // A tab has its own message, with its own fix: never YAML's words about an indented field next to it.
    if (explained.has(pos.line) && error.code !== "TAB_AS_INDENT") return [];
    said.add(pos.line);
    return [diagnostic(file, `invalid YAML in front matter: ${reason}`, { line: pos.line, column: pos.col }, "yaml-syntax")];
  });
  return [...indented.map((found) => found.message), ...errors];
}

/** Why the front matter cannot be read as fields, if it cannot: text taken into it, else YAML's syntax errors. */
function unreadable(file: string, head: string, parsed: ReturnType<typeof parseYaml>): VFileMessage[] {
  // Text taken into the front matter may read as valid YAML, and be lost without a word.
  const unclosed = textAmongFields(file, head);
  if (unclosed !== undefined) return [unclosed];
  const first = parsed.doc.errors[0];
  if (first === undefined) return [];
  // The first line YAML cannot read may be text under a heading it took for a comment.
  const swallowed = textBeforeYamlError(file, head, parsed.lines.linePos(first.pos[0]).line);
  return swallowed ? [swallowed] : yamlSyntaxMessages(file, head, parsed);
}

/**
 * gray-matter, given the front matter alone with a canonical closing line,
 * can only split where gekkan found the fence; its engine hook hands the
 * YAML (from line 1) to `yaml`. Empty front matter never reaches the engine:
 * that is an empty mapping, so the schema can say which fields are missing.
 */
function parseYaml(head: string): { doc: Document.Parsed; lines: LineCounter; source: string } {
  const lines = new LineCounter();
  let doc: Document.Parsed | undefined;
  let source = "";
  // The closing delimiter includes its newline, so a `---x` line inside is never taken for it.
  matter(`${head}---\n`, {
    delimiters: ["---", "---\n"],
    engines: {
      yaml: (yaml: string) => {
        source = yaml;
        doc = parseDocument(yaml, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, version: "1.2" });
        return {};
      },
    },
  });
  doc ??= parseDocument("", { lineCounter: lines, version: "1.2" });
  return { doc, lines, source };
}

const BREAK_INSIDE = /[\r\u2028\u2029]/;

/**
 * `title：` and `　issue:`, typed with a Japanese input method still on: YAML
 * reads no field there (the colon is not its colon, the space makes another
 * key), and its complaint names neither. Each such line is named with the
 * field as it must be typed.
 */
function fullWidthTyping(file: string, head: string): { messages: VFileMessage[]; retyped: string | undefined; lines: Set<number> } {
  const messages: VFileMessage[] = [];
  const lines = head.split("\n");
  // The head as the messages say to type it; none after a full-width fence, which leaves no telling where the fields end.
  let fence = false;
  head.split("\n").forEach((line, i) => {
    // A break inside the line (\r, U+2028) leaves `.` nothing to end on; the pattern would then backtrack over every blank before it.
    const colon = BREAK_INSIDE.test(line.replace(/\r$/, "")) ? null : /^([ \t]*)([A-Za-z][\w-]*)[ \t]*：[ \t\u3000]*(.*?)\r?$/.exec(line);
    if (colon) {
      const [, indent = "", key = "", value = ""] = colon;
      const at = line.indexOf("：") + 1;
      messages.push(diagnostic(file, `"${key}：" is typed with a full-width colon (：), so YAML reads no field here; type an ASCII colon and a space: ${indent}${key}: ${value}`, { line: i + 1, column: at }, "front-matter-full-width"));
      lines[i] = `${indent}${key}: ${value}`;
      return;
    }
    if (i > 0 && FULL_WIDTH_FENCE.test(line)) {
      messages.push(fullWidthFence(file, line, i + 1));
      fence = true;
      return;
    }
    const space = /^[ \t]*(\u3000+)([A-Za-z][\w-]*[ \t]*:.*?)\r?$/.exec(line);
    if (space) {
      messages.push(diagnostic(file, `a full-width space (　) stands before "${(space[2] ?? "").split(":")[0]?.trim()}", so YAML reads another field name; delete it: ${space[2]}`, { line: i + 1, column: 1 }, "front-matter-full-width"));
      lines[i] = space[2] ?? "";
    }
  });
  return { messages, retyped: fence ? undefined : lines.join("\n"), lines: new Set(messages.map((message) => message.line ?? 0)) };
}

/** Too many fields, or too many aliases: stopped before the document is turned into data. */
function checkYamlLimits(file: string, doc: Document.Parsed, lines: LineCounter, limits: ContentLimits): VFileMessage | undefined {
  const contents = doc.contents;
  if (isMap(contents) && contents.items.length > limits.frontMatterKeys) {
    const extra = contents.items[limits.frontMatterKeys];
    const range = (extra?.key as { range?: [number, number] } | null | undefined)?.range;
    const reason = `the front matter has ${contents.items.length} fields; the limit is ${limits.frontMatterKeys} (${limitSetting("frontMatterKeys")}); an issue needs only title, issue, date and a few more`;
    return diagnostic(file, reason, placeOf(lines, range?.[0]), "front-matter-too-many-keys");
  }
  let aliases = 0;
  visit(doc, {
    Alias: () => {
      aliases++;
      return aliases > limits.yamlAliases ? visit.BREAK : undefined;
    },
  });
  return aliases > limits.yamlAliases ? aliasProblem(file, doc, lines, limits) : undefined;
}

function aliasProblem(file: string, doc: Document.Parsed, lines: LineCounter, limits: ContentLimits): VFileMessage {
  let first: number | undefined;
  visit(doc, {
    Alias: (_key, node) => {
      if (isAlias(node)) first = node.range?.[0];
      return visit.BREAK;
    },
  });
  const reason = `the front matter uses YAML aliases (*name) more than the limit of ${limits.yamlAliases} allows (${limitSetting("yamlAliases")}); write the values out instead of referring to them`;
  return diagnostic(file, reason, placeOf(lines, first), "yaml-aliases");
}

function placeOf(lines: LineCounter, offset: number | undefined): Place {
  if (offset === undefined) return { line: 1, column: 1 };
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function failed(message: VFileMessage): FrontMatterResult {
  return { ok: false, messages: [message] };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
