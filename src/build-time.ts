import { PlainError } from "./diagnostics.js";

/** 9999-12-31T23:59:59Z: the last second an issue date (four-digit YYYY-MM-DD) can name. */
const LAST_SECOND = 253_402_300_799;

/**
 * SOURCE_DATE_EPOCH as a time, or undefined when it is unset (or empty,
 * as `SOURCE_DATE_EPOCH=$(…)` leaves it when the command prints nothing).
 * A value that is not whole seconds since 1970, or past the year 9999, is an
 * error: falling back to the clock would quietly give other bytes than the
 * builds it was set to match, and a value past 9999 is no date at all
 * (it ended the run as an internal error). The spec asks for a non-zero exit.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return undefined;
  if (/^\d+$/.test(epoch) && Number(epoch) <= LAST_SECOND) return new Date(Number(epoch) * 1000);
  throw new PlainError(`SOURCE_DATE_EPOCH is ${JSON.stringify(epoch)}, which is not a time: it must be whole seconds since 1970-01-01 UTC, at most ${LAST_SECOND} (the end of the year 9999), as git log -1 --format=%ct prints it; unset it to use the clock`);
}

/** SOURCE_DATE_EPOCH (reproducible builds) or the clock. */
export function buildTime(env: NodeJS.ProcessEnv = process.env): Date {
  return sourceDateEpoch(env) ?? new Date();
}

/** "Today" as YYYY-MM-DD (UTC), as issue dates are written. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
