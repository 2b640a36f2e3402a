import { rmSync } from "node:fs";

/** The signals that end gekkan from outside: Ctrl-C in a terminal, and a cancelled CI job or `kill`. */
const ENDING_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** Temp files written now (writeFileAtomic), not yet renamed over their file or removed. */
const temps = new Set<string>();

/**
 * Notes a temp file as begun, until tempEnded. Node ends a process at once
 * on Ctrl-C or SIGTERM, which left `FILE.tmp-…` beside a file being written
 * (`gekkan email --out FILE`, the build's cache): the file itself keeps its
 * old bytes, but the stray temp stayed for the author to find and remove.
 * While any temp is begun, such a signal removes them first.
 */
export function tempBegun(path: string): void {
  if (temps.size === 0) for (const signal of ENDING_SIGNALS) process.prependListener(signal, removeTempsAndEnd);
  temps.add(path);
}

/** The temp is renamed over its file or removed: nothing is left to clean up. */
export function tempEnded(path: string): void {
  if (!temps.delete(path) || temps.size > 0) return;
  for (const signal of ENDING_SIGNALS) process.off(signal, removeTempsAndEnd);
}

/**
 * Runs first (prepended), so it sees every other listener: one that is
 * there (a send that stops after the message in flight, gekkan dev
 * closing) keeps the process running, and the write ends on its own path,
 * renamed or removed. Alone, it removes the temps and ends the process by
 * the same signal, as Node would have, so a shell or CI reads 130 or 143.
 */
function removeTempsAndEnd(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  for (const temp of temps) rmSync(temp, { force: true });
  temps.clear();
  for (const ending of ENDING_SIGNALS) process.off(ending, removeTempsAndEnd);
  process.kill(process.pid, signal);
}
