import type { RenderContext } from "../content/render-issue.js";
import { noMemo, type Memo } from "../incremental/memo.js";
import { readOneSource, type Source } from "../pipeline/load-inputs.js";
import { parseIssues } from "../pipeline/parse-issues.js";

/** How the warm-up parses an issue: the pipeline's own stage. */
export type Parse = (sources: Source[], context: RenderContext, memo: Memo, threads: number) => Promise<unknown>;

export interface WarmUp {
  stop: () => void;
  /** Resolves once every file was parsed, or the warm-up was stopped. */
  done: Promise<void>;
}

/**
 * Start-up may have rendered on worker threads, so this thread's pipeline
 * has never run and the first save would pay for compiling it. A few issues
 * are parsed now and thrown away, one at a time with a turn of the event loop
 * between them: a save that arrives meanwhile waits for one parse, not all.
 * (Started side by side, every parse waited for the Markdown stack to load
 * and then all ran in one go, holding the first save back by a second.)
 */
export function warmUp(root: string, files: readonly string[], context: RenderContext | undefined, parse: Parse = parseIssues): WarmUp {
  const queue = [...files];
  let stopped = false;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  // Every turn starts here, so a stop between turns or during a parse ends it at the next one.
  const next = () => {
    const file = queue.shift();
    if (stopped || file === undefined || context === undefined) return finish();
    // A file that vanished, or is no longer a regular file, meanwhile: nothing to warm.
    const source = readOneSource(root, file);
    const parsing = source === undefined ? Promise.resolve() : parse([source], context, noMemo, 1);
    void parsing.catch(() => undefined).then(() => setImmediate(next));
  };
  setImmediate(next);
  return {
    done,
    stop: () => {
      stopped = true;
      finish();
    },
  };
}
