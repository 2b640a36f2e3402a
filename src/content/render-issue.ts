import type { VFileMessage } from "vfile-message";
import { parseIssue, type Issue, type IssueContext } from "./issue.js";
import { createMarkdownRenderer, type MarkdownRenderer } from "../markdown/processor.js";
import type { RenderedBody } from "../markdown/rendered.js";

export interface RenderContext extends IssueContext {
  basePath: string;
}

export interface RenderedIssue {
  /** The front matter and file facts; the Markdown text itself is dropped once rendered (nothing downstream reads it, and 4,000 copies of it cost memory and cache space). */
  issue: IssueMeta;
  body: RenderedBody;
}

export type IssueMeta = Omit<Issue, "body">;

/**
 * A failure whose front matter was valid keeps it (`issue`): the checks
 * across files (duplicate numbers, a translation's original) then see the
 * issue, and their errors come with the body's, not one fix later.
 */
export type RenderIssueResult = { ok: true; value: RenderedIssue } | { ok: false; messages: VFileMessage[]; issue?: IssueMeta | undefined };

/**
 * The per-issue unit of work: a pure function of (file name, bytes, context).
 * That is what makes it cacheable and safe to run in a worker thread.
 */
export function createIssueRenderer(context: RenderContext): (file: string, bytes: Uint8Array) => RenderIssueResult {
  const markdown: MarkdownRenderer = createMarkdownRenderer({ components: context.components, basePath: context.basePath, nestingDepth: context.limits?.nestingDepth });
  return (file, bytes) => {
    const parsed = parseIssue(file, bytes, context);
    if (!parsed.ok) {
      // The body's own mistakes come with the front matter's, not one fix later.
      const body = parsed.body === undefined ? undefined : markdown({ file, body: parsed.body.text, bodyLine: parsed.body.bodyLine, draft: parsed.body.draft });
      const messages = body === undefined || body.ok ? parsed.messages : [...parsed.messages, ...body.messages];
      return parsed.issue === undefined ? { ok: false, messages } : { ok: false, messages, issue: metaOf(parsed.issue) };
    }
    const rendered = markdown({ file, body: parsed.issue.body, bodyLine: parsed.issue.bodyLine, draft: parsed.issue.draft });
    const issue = metaOf(parsed.issue);
    if (!rendered.ok) return { ok: false, messages: rendered.messages, issue };
    return { ok: true, value: { issue, body: rendered.body } };
  };
}

/** The issue as kept and passed on: everything but its Markdown, which the rendered body replaces. */
function metaOf(issue: Issue): IssueMeta {
  const { body: _markdown, ...meta } = issue;
  return meta;
}
