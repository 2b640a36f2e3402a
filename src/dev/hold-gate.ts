/** The server closed while indexing: the index is abandoned, nothing to report. */
export class ClosedError extends Error {}

export interface HoldGate {
  hold: () => void;
  pace: () => Promise<void>;
  close: () => void;
}

/**
 * Holds indexing back while saves come: `pace` (awaited between groups of
 * pages) returns once `delayMs` have passed since the last `hold`, and throws
 * ClosedError once closed (close wakes a waiting pace at once).
 */
export function holdGate(delayMs: number): HoldGate {
  let quietAt = 0;
  let closed = false;
  let wake: (() => void) | undefined;
  const pace = async () => {
    for (;;) {
      if (closed) throw new ClosedError();
      const wait = quietAt - performance.now();
      if (wait <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  };
  return {
    hold: () => {
      quietAt = performance.now() + delayMs;
    },
    pace,
    close: () => {
      closed = true;
      wake?.();
    },
  };
}
