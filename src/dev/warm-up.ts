import { readOneSource, type Source } from "../pipeline/load-inputs.js";

/** One edited issue through the quick path, its result thrown away (RebuildLoop.rehearse). */
export type Rehearse = (source: Source) => Promise<unknown>;

export interface WarmUp {
  stop: () => void;
  /** Resolves once the first rehearsal, which loads and compiles the path, is over (or the warm-up was stopped). */
  first: Promise<void>;
  /** Resolves once every file was rehearsed, or the warm-up was stopped. */
  done: Promise<void>;
}

/**
 * Start-up may have rendered on worker threads, so this thread's quick
 * path (parse, page render, output patch) has never run and the first save
 * would pay for compiling it. A few issues go through it now, as if saved,
 * one at a time with a turn of the event loop between them: a save that
 * arrives meanwhile waits for one, not all. (Started side by side, every
 * parse waited for the Markdown stack to load and then all ran in one go,
 * holding the first save back by a second.)
 */
export function warmUp(root: string, files: readonly string[], rehearse: Rehearse): WarmUp {
  const queue = [...files];
  let stopped = false;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  let firstOver: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (firstOver = resolve));
  void done.then(firstOver);
  // Every turn starts here, so a stop between turns or during a rehearsal ends it at the next one.
  const next = () => {
    const file = queue.shift();
    if (stopped || file === undefined) return finish();
    // A file that vanished, or is no longer a regular file, meanwhile: nothing to warm.
    const source = readOneSource(root, file);
    const going = source === undefined ? Promise.resolve() : rehearse(source);
    void going.catch(() => undefined).then(() => {
      firstOver();
      setImmediate(next);
    });
  };
  setImmediate(next);
  return {
    done,
    first,
    stop: () => {
      stopped = true;
      finish();
    },
  };
}
