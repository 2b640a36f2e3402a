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

/** `path:line:column  message` — the one format every command prints. */
export function formatDiagnostic(message: VFileMessage): string {
  const line = message.line ?? 1;
  const column = message.column ?? 1;
  const prefix = message.fatal === false ? "warning: " : "";
  return `${message.file}:${line}:${column}  ${prefix}${message.reason}`;
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
 */
export class PlainError extends Error {
  override name = "PlainError";
}

/** Human description of a YAML/JSON value for "found …" in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null (an empty value)";
  if (typeof value === "string") return `the string ${JSON.stringify(truncate(value))}`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return `the boolean ${value}`;
  if (Array.isArray(value)) return `a list of ${plural(value.length, "item")}`;
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  return "a mapping";
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
