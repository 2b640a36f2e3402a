/** How long each stage of one run took, in order, for `gekkan build --timings` and the bench. */
export class StageTimes {
  readonly entries: Array<[stage: string, ms: number]> = [];

  async time<T>(stage: string, step: () => T | Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await step();
    } finally {
      this.entries.push([stage, performance.now() - started]);
    }
  }
}
