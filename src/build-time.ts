import { PlainError } from "./diagnostics.js";
import { nearestTimeZone } from "./time-zone-name.js";

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

/**
 * The clock's day in `timeZone` when SOURCE_DATE_EPOCH decides "today"
 * instead, else undefined: a fixed epoch (the last commit's time) never
 * reaches a future-dated issue's day, so the note of issues left out tells
 * the two days apart.
 */
export function clockDayBesideEpoch(timeZone: string | undefined, env: NodeJS.ProcessEnv = process.env, clock: Date = new Date()): string | undefined {
  return sourceDateEpoch(env) === undefined ? undefined : dayOf(clock, timeZone);
}

/** SOURCE_DATE_EPOCH (reproducible builds) or the clock. */
export function buildTime(env: NodeJS.ProcessEnv = process.env): Date {
  return sourceDateEpoch(env) ?? new Date();
}

/**
 * "Today" as YYYY-MM-DD, as issue dates are written: the day in `timeZone`
 * (the site's `timeZone`, UTC unless it names another), never the machine's
 * TZ, so the same time gives the same day on a laptop in Tokyo and on a
 * runner in UTC.
 */
export function dayOf(now: Date, timeZone = "UTC"): string {
  if (timeZone === "UTC") return now.toISOString().slice(0, 10);
  const clock = wallClock(now.getTime(), timeZone);
  return `${String(clock.year).padStart(4, "0")}-${String(clock.month).padStart(2, "0")}-${String(clock.day).padStart(2, "0")}`;
}

/**
 * The moment day `day` (YYYY-MM-DD) begins in `timeZone`: when an issue
 * dated that day is published, and so the time its feed entry gives. A feed
 * that said 00:00 UTC for a site in Asia/Tokyo dated each issue nine hours
 * after it appeared (a reader may hold back an entry dated in the future).
 */
export function dayStart(day: string, timeZone = "UTC"): Date {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  if (timeZone === "UTC") return new Date(midnight);
  // The zone's offset near that moment, then at the moment found. Where the offset changes that night, one of the two is
  // the day's first moment and the other is not in the day at all (Santiago skips from 23:59 to 01:00): the earliest in it.
  const first = midnight - zoneOffset(midnight, timeZone);
  const second = midnight - zoneOffset(first, timeZone);
  const inDay = [first, second].filter((time) => dayOf(new Date(time), timeZone) === day);
  return new Date(inDay.length === 0 ? second : Math.min(...inDay));
}

/** How far `timeZone`'s clock is ahead of UTC at `time` (ms since the epoch), in ms. */
function zoneOffset(time: number, timeZone: string): number {
  const clock = wallClock(time, timeZone);
  const wall = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return wall - Math.floor(time / 1000) * 1000;
}

/** What a clock in `timeZone` shows at `time` (ms since the epoch), to the second. */
function wallClock(time: number, timeZone: string): Record<"year" | "month" | "day" | "hour" | "minute" | "second", number> {
  const parts = clockIn(timeZone).formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute"), second: part("second") };
}

/** One formatter per time zone: making one costs far more than using it, and the feeds ask for a day's start per entry. */
const clocks = new Map<string, Intl.DateTimeFormat>();

function clockIn(timeZone: string): Intl.DateTimeFormat {
  let clock = clocks.get(timeZone);
  if (clock === undefined) {
    clock = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    clocks.set(timeZone, clock);
  }
  return clock;
}

/**
 * Whether `name` is a time zone this Node.js knows (an IANA name such as
 * Asia/Tokyo, or UTC) and means one place: see timeZoneProblem.
 */
export function isTimeZone(name: string): boolean {
  return timeZoneProblem(name) === undefined;
}

/**
 * The names of three letters in the IANA time zone database. ICU, which
 * Node.js reads zones with, also takes Java's old ids (CST, IST, BST, JST…):
 * abbreviations that stand for other zones in other countries, CST for
 * America/Chicago though China writes it too, so a site's "today" would be
 * a place it never meant. Those are refused; these are zones.
 */
const IANA_THREE_LETTERS = new Set(["UTC", "UCT", "GMT", "EST", "MST", "HST", "WET", "CET", "MET", "EET", "PRC", "ROC", "ROK"]);

/**
 * Why `name` is no time zone to date issues by, or undefined when it is one.
 * Known by the formatter dayOf reads the zone with, kept for it: the config
 * and the cache's record each ask on every build, the up-to-date one
 * included. UTC, every site's default, needs none (nor does dayOf), and
 * making the first one loads the time zone data.
 */
export function timeZoneProblem(name: string): string | undefined {
  if (name === "UTC") return undefined;
  let clock: Intl.DateTimeFormat;
  try {
    clock = clockIn(name);
  } catch {
    const nearest = nearestTimeZone(name);
    return nearest === undefined ? "not a time zone: use a name such as Asia/Tokyo, or UTC" : `not a time zone — did you mean ${nearest}?`;
  }
  if (!/^[A-Za-z]{3}$/.test(name) || IANA_THREE_LETTERS.has(name.toUpperCase())) return undefined;
  const readAs = clock.resolvedOptions().timeZone;
  return `an abbreviation, which names different zones in different countries (this one would be read as ${readAs}); write the zone's own name instead, ${readAs} if that is the one you mean`;
}
