/**
 * The full rebuild owed after quick ones: due once saves pause for `delayMs`.
 * Any full rebuild settles the debt, so `cancel` is called when one starts.
 */
export interface CatchUp {
  /** (Re)starts the quiet-time countdown; `run` is called when it ends. */
  schedule: () => void;
  cancel: () => void;
  pending: () => boolean;
  /** Resolves when the countdown ends or is cancelled (at once if none is running). */
  passed: () => Promise<void>;
}

export function createCatchUp(delayMs: number, run: () => void): CatchUp {
  let timer: NodeJS.Timeout | undefined;
  let waiters: Array<() => void> = [];
  const wake = () => {
    for (const resolve of waiters.splice(0)) resolve();
  };
  return {
    schedule: () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        run();
        wake();
      }, delayMs);
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      wake();
    },
    pending: () => timer !== undefined,
    passed: () => (timer === undefined ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
