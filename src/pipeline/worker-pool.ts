import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { compiledModule } from "../compiled-module.js";

/** How many threads a batch of `count` tasks gets: `requested` wins; otherwise every core once there are at least `threshold`. */
export function threadCount(requested: number | undefined, count: number, threshold: number): number {
  if (requested !== undefined) return Math.max(1, Math.floor(requested));
  if (count < threshold) return 1;
  return Math.max(1, availableParallelism());
}

/**
 * Runs `inputs` through the worker function `name` of module `file` in
 * batches on up to `threads` threads; results in input order. The pool
 * lives for this one call. `file` must import nothing as it loads (see
 * parse-worker.ts): the pool is destroyed as soon as the batches are done.
 */
export async function runOnWorkers<I, O>(file: string, name: string, inputs: readonly I[], threads: number, toTask: (batch: I[]) => unknown): Promise<O[]> {
  const size = Math.min(200, Math.max(1, Math.ceil(inputs.length / (threads * 4))));
  const batches: I[][] = [];
  for (let at = 0; at < inputs.length; at += size) batches.push(inputs.slice(at, at + size));
  // No thread that could get no batch: it would only be started to be stopped.
  const count = Math.max(1, Math.min(threads, batches.length));
  const pool = new Piscina({ filename: compiledModule(import.meta.url, "pipeline", file), name, minThreads: count, maxThreads: count, idleTimeout: 0 });
  try {
    const outputs = await Promise.all(batches.map((batch) => pool.run(toTask(batch)) as Promise<O[]>));
    return outputs.flat();
  } finally {
    await pool.destroy();
  }
}
