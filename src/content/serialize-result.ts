import { VFileMessage } from "vfile-message";
import type { RenderIssueResult, RenderedIssue } from "./render-issue.js";

/** The located parts of a message that reporting uses; everything else is dropped. */
interface StoredMessage {
  file: string | undefined;
  reason: string;
  line: number | undefined;
  column: number | undefined;
  endLine: number | undefined;
  endColumn: number | undefined;
  ruleId: string | undefined;
  source: string | undefined;
  fatal: boolean | null | undefined;
}

type StoredResult = { ok: true; value: RenderedIssue } | { ok: false; messages: StoredMessage[] };

/**
 * RenderIssueResult → JSON. Messages are flattened because VFileMessage is an
 * Error: neither JSON nor structured clone (worker threads) keeps its fields.
 */
export function serializeResult(result: RenderIssueResult): string {
  const stored: StoredResult = result.ok ? result : { ok: false, messages: result.messages.map(storeMessage) };
  return JSON.stringify(stored);
}

/** JSON → RenderIssueResult; throws on anything that is not a stored result (callers treat that as a miss). */
export function deserializeResult(json: string): RenderIssueResult {
  const stored = JSON.parse(json) as StoredResult;
  if (stored === null || typeof stored !== "object") throw new Error("not a stored render result");
  if (stored.ok === true) {
    if (typeof stored.value !== "object" || stored.value === null || typeof stored.value.body?.html !== "string") throw new Error("stored render result has no body");
    return stored;
  }
  if (stored.ok === false && Array.isArray(stored.messages)) return { ok: false, messages: stored.messages.map(restoreMessage) };
  throw new Error("not a stored render result");
}

function storeMessage(message: VFileMessage): StoredMessage {
  return {
    file: message.file,
    reason: message.reason,
    line: message.line,
    column: message.column,
    endLine: message.place && "end" in message.place ? message.place.end.line : undefined,
    endColumn: message.place && "end" in message.place ? message.place.end.column : undefined,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal,
  };
}

function restoreMessage(stored: StoredMessage): VFileMessage {
  if (typeof stored.reason !== "string") throw new Error("stored message has no reason");
  const start = stored.line === undefined || stored.line === null ? undefined : { line: stored.line, column: stored.column ?? 1 };
  const end = start && typeof stored.endLine === "number" ? { line: stored.endLine, column: stored.endColumn ?? 1 } : undefined;
  const message = new VFileMessage(stored.reason, {
    ...(start ? { place: end ? { start, end } : start } : {}),
    ...(stored.ruleId ? { ruleId: stored.ruleId } : {}),
    ...(stored.source ? { source: stored.source } : {}),
  });
  if (stored.file !== undefined && stored.file !== null) message.file = stored.file;
  message.fatal = stored.fatal;
  return message;
}
