import type { RenderContext } from "../content/render-issue.js";
import { readSourceFile } from "../content/sources.js";
import { digest } from "../incremental/digest.js";
import { noMemo } from "../incremental/memo.js";
import { parseIssues } from "../pipeline/parse-issues.js";

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
export function warmUp(root: string, files: readonly string[], context: RenderContext | undefined): WarmUp {
  const queue = [...files];
  let stopped = false;
  let timer: NodeJS.Immediate | undefined;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const next = () => {
    timer = undefined;
    const file = queue.shift();
    if (stopped || file === undefined || context === undefined) return finish();
    // A file that vanished, or is no longer a regular file, meanwhile: nothing to warm.
    const read = readSourceFile(root, file);
    const parsing = "bytes" in read ? parseIssues([{ file, bytes: read.bytes, digest: digest(read.bytes) }], context, noMemo, 1) : Promise.resolve();
    void parsing.catch(() => undefined).then(() => {
      if (stopped) finish();
      else timer = setImmediate(next);
    });
  };
  timer = setImmediate(next);
  return {
    done,
    stop: () => {
      stopped = true;
      if (timer !== undefined) clearImmediate(timer);
      finish();
    },
  };
}
