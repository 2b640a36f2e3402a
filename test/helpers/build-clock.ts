import { afterEach, beforeEach, vi } from "vitest";

/**
 * For tests that move "today" and the machine's clock together, as on a real
 * machine: only Date is faked (builds' timers and worker threads run as they
 * do for an author), and TZ and stubbed variables (SOURCE_DATE_EPOCH) are put
 * back after each test.
 */
export function useBuildClock(): void {
  const savedZone = process.env.TZ;
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date"] }));
  afterEach(() => {
    if (savedZone === undefined) delete process.env.TZ;
    else process.env.TZ = savedZone;
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });
}
