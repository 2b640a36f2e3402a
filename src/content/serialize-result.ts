import { VFileMessage } from "vfile-message";
import type { IssueMeta, RenderIssueResult, RenderedIssue } from "./render-issue.js";
import { lazyBodyHtml } from "./body-html.js";

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

type StoredResult = { ok: true; value: RenderedIssue } | { ok: false; messages: StoredMessage[]; issue?: IssueMeta | undefined };

/**
 * RenderIssueResult → bytes: a u32 length, the result as JSON without the
 * body's HTML, then that HTML as UTF-8. Messages are flattened because
 * VFileMessage is an Error: neither JSON nor structured clone (worker
 * threads) keeps its fields. The HTML stands apart so a build that reuses
 * thousands of issues decodes only what lists and reference pages show.
 */
export function serializeResult(result: RenderIssueResult): Uint8Array {
  const html = result.ok ? result.value.body.html : "";
  const stored: StoredResult = result.ok ? { ok: true, value: { ...result.value, body: { ...result.value.body, html: "" } } } : { ok: false, messages: result.messages.map(storeMessage), issue: result.issue };
  const meta = Buffer.from(JSON.stringify(stored), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(meta.length, 0);
  return Buffer.concat([length, meta, Buffer.from(html, "utf8")]);
}

/**
 * Bytes → RenderIssueResult; throws on anything that is not a stored result
 * (callers treat that as a miss). The body's HTML is decoded the first time
 * it is read.
 */
export function deserializeResult(bytes: Uint8Array): RenderIssueResult {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 4) throw new Error("not a stored render result");
  const metaEnd = 4 + buffer.readUInt32LE(0);
  if (metaEnd > buffer.length) throw new Error("not a stored render result");
  const stored = JSON.parse(buffer.subarray(4, metaEnd).toString("utf8")) as StoredResult;
  if (stored === null || typeof stored !== "object") throw new Error("not a stored render result");
  if (stored.ok === true) {
    const body = stored.value?.body as RenderedIssue["body"] | undefined;
    if (typeof stored.value !== "object" || stored.value === null || typeof body !== "object" || body === null || !Array.isArray(body.blocks) || !Array.isArray(body.outline)) throw new Error("stored render result has no body");
    lazyBodyHtml(body, buffer.subarray(metaEnd));
    return stored;
  }
  if (stored.ok === false && Array.isArray(stored.messages)) return { ok: false, messages: stored.messages.map(restoreMessage), issue: storedMeta(stored.issue) };
  throw new Error("not a stored render result");
}

/** The front matter kept with a failure, if it looks like one (else none: the cross-file checks just do not see it). */
function storedMeta(value: unknown): IssueMeta | undefined {
  const meta = value as Partial<IssueMeta> | null | undefined;
  if (meta === null || typeof meta !== "object") return undefined;
  const fields = typeof meta.file === "string" && typeof meta.number === "number" && typeof meta.lang === "string" && typeof meta.slug === "string" && typeof meta.date === "string";
  return fields ? (meta as IssueMeta) : undefined;
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
