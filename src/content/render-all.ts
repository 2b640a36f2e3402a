import type { VFileMessage } from "vfile-message";
import type { SourceFile } from "./sources.js";
import { createIssueRenderer, type RenderContext, type RenderedIssue } from "./render-issue.js";

export interface RenderAllResult {
  rendered: RenderedIssue[];
  messages: VFileMessage[];
}

/**
 * Renders every source. The seam where caching and worker threads plug in:
 * callers see only (sources, context) → results, in source order.
 */
export async function renderAll(sources: readonly SourceFile[], context: RenderContext): Promise<RenderAllResult> {
  const render = createIssueRenderer(context);
  const rendered: RenderedIssue[] = [];
  const messages: VFileMessage[] = [];
  for (const source of sources) {
    const result = render(source.file, source.bytes);
    if (result.ok) rendered.push(result.value);
    else messages.push(...result.messages);
  }
  return { rendered, messages };
}
