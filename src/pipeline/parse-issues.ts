import type { VFileMessage } from "vfile-message";
import type { IssueMeta, RenderContext, RenderIssueResult, RenderedIssue } from "../content/render-issue.js";
import { deserializeResult } from "../content/serialize-result.js";
import type { RenderedBody } from "../markdown/rendered.js";
import { codeFingerprint } from "../incremental/fingerprint.js";
import { digest } from "../incremental/digest.js";
import { memoDecoded, type Memo } from "../incremental/memo.js";
import type { Source } from "./load-inputs.js";
import { contextKey } from "./render-context.js";
import { RenderQueue } from "./render-queue.js";
import { numberlessTranslations } from "../site/numberless-translations.js";

export interface ParsedIssues {
  /** Every issue that parsed, drafts and future ones included, in source order. */
  rendered: RenderedIssue[];
  /** Every problem found, in source order. */
  messages: VFileMessage[];
  /** The front matter of issues whose body failed, for the checks across files (see RenderIssueResult). */
  failed: IssueMeta[];
  /** Files whose front matter could not be read: what they would be to other files is unknown. */
  unread: string[];
  /** How many issues were rendered in this run (the rest came from the memo). */
  renderedCount: number;
}

/** Content address of one issue's render: gekkan's code, the context, the file name (messages carry it) and its bytes. The run's part is written once, not once per issue. */
function issueKeys(context: RenderContext): (source: Source) => string {
  const code = codeFingerprint();
  const shared = contextKey(context);
  return (source) => digest("gekkan-issue-1", code, shared, source.file, source.digest);
}

/**
 * Stage: sources → rendered issues (front matter, body HTML, typed blocks).
 * The per-issue work is a pure function of (file, bytes, context), so it is
 * memoised by content, and what is not in the memo is rendered together,
 * on worker threads when there is enough of it.
 */
export async function parseIssues(sources: readonly Source[], context: RenderContext, memo: Memo, threads?: number): Promise<ParsedIssues> {
  const queue = new RenderQueue(context, threads);
  const issueKey = issueKeys(context);
  const pending = sources.map(async (source) => {
    const key = issueKey(source);
    const result = await memoDecoded(memo, key, () => queue.render(source), decodeIssue);
    if (result.ok) addresses.set(result.value.body, key);
    return result;
  });
  const renderedCount = await queue.run();
  const rendered: RenderedIssue[] = [];
  const messages: VFileMessage[] = [];
  const failed: IssueMeta[] = [];
  const unread: string[] = [];
  for (const [i, result] of (await Promise.all(pending)).entries()) {
    if (result.ok) rendered.push(result.value);
    else {
      messages.push(...result.messages);
      if (result.issue !== undefined) failed.push(result.issue);
      else unread.push(sources[i]?.file ?? "");
    }
  }
  // Across files, so never stored with one: a translation without issue: is told its original's number.
  const known = [...rendered, ...failed.map((issue) => ({ issue }))];
  return { rendered, messages: numberlessTranslations(messages, known, context.defaultLang, context.languages), failed, unread, renderedCount };
}

function decodeIssue(bytes: Uint8Array): RenderIssueResult {
  return deserializeResult(bytes);
}

/** The issue key each rendered body came from: it names the body, so later stages need not hash its HTML. */
const addresses = new WeakMap<RenderedBody, string>();

export function bodyAddress(body: RenderedBody): string | undefined {
  return addresses.get(body);
}
