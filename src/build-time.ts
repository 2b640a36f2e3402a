/** SOURCE_DATE_EPOCH (reproducible builds) or the clock. */
export function buildTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}

/** "Today" as YYYY-MM-DD (UTC), as issue dates are written. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
