import { isAbsolute, relative, sep } from "node:path";
import { VFileMessage } from "vfile-message";
import { plural } from "./plural.js";

/** A 1-based source position, as unist uses. */
export interface Place {
  line: number;
  column: number;
}

/**
 * Author mistakes are vfile messages: they carry the file, the place and a
 * rule id, so every stage reports them the same way and tests can assert them.
 */
export function diagnostic(
  file: string,
  reason: string,
  place: Place | undefined,
  ruleId: string,
  fatal = true,
): VFileMessage {
  const message = new VFileMessage(reason, {
    place: place ?? { line: 1, column: 1 },
    ruleId,
    source: "gekkan",
  });
  message.file = file;
  message.fatal = fatal;
  return message;
}

export function warning(file: string, reason: string, place: Place | undefined, ruleId: string): VFileMessage {
  return diagnostic(file, reason, place, ruleId, false);
}

/**
 * A warning about a file that has no place to point at (it is gone): an
 * editor sent to path:1:1 of a deleted file finds nothing, so it is printed
 * `path  message`, and annotated on CI without a line.
 */
export function placelessWarning(file: string, reason: string, ruleId: string): VFileMessage {
  const message = new VFileMessage(reason, { ruleId, source: "gekkan" });
  message.file = file;
  message.fatal = false;
  return message;
}

/** A file as messages name it: from the site root when it lies inside, with "/" between folders; else its full path (gekkan's own files). */
export function siteFile(root: string, path: string): string {
  const inside = relative(root, path);
  return inside === "" || inside.startsWith("..") || isAbsolute(inside) ? path : inside.split(sep).join("/");
}

/**
 * `path:line:column  message` — the one format every command prints, one
 * line per problem. A file name or message holding a newline or another
 * control character could forge a line of its own, so such text is escaped.
 */
export function formatDiagnostic(message: VFileMessage): string {
  const prefix = message.fatal === false ? WARNING_PREFIX : "";
  // A flag is no file: "--base:1:1" would be a place that does not exist.
  if (isFlag(message.file)) return `${message.file}: ${prefix}${escapeControls(message.reason)}`;
  // Only placelessWarning makes a message with no line: a file that is gone.
  const place = message.line === undefined || message.line === null ? "" : `:${message.line}:${message.column ?? 1}`;
  return `${displayName(message.file ?? "")}${place}  ${prefix}${escapeControls(message.reason)}`;
}

/** A command-line flag (--base, --url): problems in flags name one instead of a file. */
const FLAG = "--[a-z][a-z-]*";

function isFlag(file: string | undefined): file is string {
  return file !== undefined && new RegExp(`^${FLAG}$`).test(file);
}

const WARNING_PREFIX = "warning: ";

/**
 * A line formatDiagnostic wrote, read back (GitHub annotations are made from
 * the printed lines); undefined for any other line. A problem with no place
 * (a file that is gone) has no line or column.
 */
export function readDiagnostic(text: string): { file: string; line?: number; column?: number; warning: boolean; reason: string } | undefined {
  const flag = new RegExp(`^(${FLAG}): (.*)$`).exec(text);
  const placed = /^(.+?):(\d+):(\d+) {2}(.*)$/.exec(text);
  // Only warnings are made without a place (placelessWarning); gekkan's own lines ("gekkan: if you mean this, …", "gekkan build: …") are none, whatever spaces they hold.
  const placeless = /^gekkan[: ]/.test(text) ? null : new RegExp(`^(\\S.*?) {2}(${WARNING_PREFIX}.*)$`).exec(text);
  const match = flag ?? placed ?? placeless;
  if (match === null) return undefined;
  const [file = "", rest = ""] = match === placed ? [placed[1], placed[4]] : [match[1], match[2]];
  const place = match === placed ? { line: Number(placed[2]), column: Number(placed[3]) } : match === flag ? { line: 1, column: 1 } : {};
  const warning = rest.startsWith(WARNING_PREFIX);
  return { file, ...place, warning, reason: warning ? rest.slice(WARNING_PREFIX.length) : rest };
}

// C0 and C1 controls, DEL, and the two Unicode line separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROLS = new RegExp(CONTROL.source, "g");

/**
 * A file name as messages print it: as it is, unless it holds a control
 * character (a newline, an escape), then quoted and escaped like a JSON
 * string, so it stays on one line and cannot move the terminal's cursor.
 */
export function displayName(name: string): string {
  return CONTROL.test(name) ? `"${escapeControls(name.replace(/["\\]/g, "\\$&"))}"` : name;
}

/** Control characters as escapes: "\n", "\t", else "\u001b". */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : c === "\r" ? "\\r" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

/** Stable order: by file, then line, then column, so output is deterministic. */
export function sortDiagnostics(messages: readonly VFileMessage[]): VFileMessage[] {
  return [...messages].sort(
    (a, b) =>
      compareText(a.file ?? "", b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareText(a.reason, b.reason),
  );
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isError(message: VFileMessage): boolean {
  return message.fatal !== false;
}

/** Thrown when content errors stop a build; carries every message at once. */
export class ContentError extends Error {
  readonly messages: VFileMessage[];
  constructor(messages: readonly VFileMessage[]) {
    const sorted = sortDiagnostics(messages);
    super(sorted.map(formatDiagnostic).join("\n"));
    this.name = "ContentError";
    this.messages = sorted;
  }
}

/**
 * A problem that is not at a place in a file (a refused output folder, a
 * machine that cannot do what was asked): told in words, exit 1, no stack.
 * `exitCode` is for the one case where 1 would mislead: a send stopped by
 * a signal, which exits as a shell says a signal ended a command.
 */
export class PlainError extends Error {
  override name = "PlainError";
  constructor(
    message: string,
    readonly exitCode?: number,
  ) {
    super(message);
  }
}

/** A command used wrongly (a flag, its value, an argument): exit 2, with the command's usage. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Human description of a YAML/JSON value for "found …" in messages.
 * `written` is the value as it appears in the source, used where the parsed
 * value would misquote it (9007199254740993 parses as …992).
 */
export function describeValue(value: unknown, written?: string): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null (an empty value)";
  if (typeof value === "string") {
    // zod reports a trimmed value; what was written may have been spaces.
    if (value === "") return written !== undefined && written !== "" && written.trim() === "" ? "a blank string (only spaces)" : "an empty string";
    if (value.trim() === "") return "a blank string (only spaces)";
    return `the string ${JSON.stringify(truncate(value))}`;
  }
  if (typeof value === "number") {
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      const shown = written !== undefined && /^[-+]?\d+$/.test(written.trim()) ? written.trim() : String(value);
      return `the number ${truncate(shown)}, which is too large to be kept exactly`;
    }
    return `the number ${value}`;
  }
  if (typeof value === "boolean") return `the boolean ${value}`;
  if (Array.isArray(value)) return `a list of ${plural(value.length, "item")}`;
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (value instanceof Uint8Array) return "binary data (a !!binary value)";
  if (value instanceof Map || value instanceof Set) return "a YAML collection with a tag (!!…)";
  return "a mapping";
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
