import type { RenderTask } from "./parse-batch.js";

export type { RenderTask } from "./parse-batch.js";

/**
 * The module a parse worker thread loads as it starts: it imports nothing.
 * Piscina loads it with require(), which for an ES module is synchronous,
 * and a pool destroyed while a thread is still in that load (a thread that
 * got no batch, started beside one that did them all) aborted the whole
 * process in Node's module instantiation. The parsing stack is loaded by
 * the first batch a thread runs, as an ordinary import, which a thread
 * that is stopped lets go of safely.
 */
export async function renderBatch(task: RenderTask): Promise<Uint8Array[]> {
  const { renderBatch: render } = await import("./parse-batch.js");
  return render(task);
}
