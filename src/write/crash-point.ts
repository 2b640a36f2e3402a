/**
 * Fault injection for the write steps: with GEKKAN_CRASH_AT=<step> the
 * process kills itself (SIGKILL, no clean-up) at that step, so a test can
 * prove that every interruption leaves a complete output folder.
 */
export function crashPoint(step: string): void {
  if (process.env.GEKKAN_CRASH_AT === step) process.kill(process.pid, "SIGKILL");
}
