import { serializeResult } from "../content/serialize-result.js";
import { createIssueRenderer, type RenderContext, type RenderIssueResult } from "../content/render-issue.js";
import { contextKey } from "./render-context.js";

/** One batch of sources for a worker thread; results come back serialised, in order. */
export interface RenderTask {
  context: RenderContext;
  files: string[];
  bytes: Uint8Array[];
}

// Building the unified processor is the expensive part of a renderer: once per worker and context.
let cached: { key: string; render: (file: string, bytes: Uint8Array) => RenderIssueResult } | undefined;

/** One batch on a parse worker thread (through parse-worker.ts). Results are serialised because VFileMessage does not survive structured clone. */
export function renderBatch(task: RenderTask): Uint8Array[] {
  const key = contextKey(task.context);
  if (cached?.key !== key) cached = { key, render: createIssueRenderer(task.context) };
  const render = cached.render;
  return task.files.map((file, i) => serializeResult(render(file, task.bytes[i] ?? new Uint8Array())));
}
