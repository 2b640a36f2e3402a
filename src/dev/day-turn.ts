import { dayOf, dayStart, sourceDateEpoch } from "../build-time.js";

const DAY_MS = 86_400_000;

/** The day after `day` (YYYY-MM-DD), by the calendar. */
function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

export interface DayTurn {
  /** (Re)sets the timer for the end of `today`, the day the last build was made on, in `timeZone`. */
  arm: (today: string, timeZone: string) => void;
  stop: () => void;
}

/**
 * Calls `turned` with the new day once the day after the last build's begins
 * in the site's time zone: a scheduled issue is published by the first build
 * on its date, and `gekkan dev` left running over midnight showed it as
 * scheduled (and kept it out of the feeds) until something else was saved.
 * With SOURCE_DATE_EPOCH set, every build has that one time: no day ends.
 */
export function dayTurn(turned: (day: string) => void): DayTurn {
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const arm = (today: string, timeZone: string) => {
    stop();
    if (sourceDateEpoch() !== undefined) return;
    const next = dayAfter(today);
    const at = dayStart(next, timeZone).getTime();
    // The day after 9999-12-31 is no date an issue can carry: nothing to wait for.
    if (!Number.isFinite(at)) return;
    timer = setTimeout(() => {
      timer = undefined;
      // Timers run by the machine's uptime, not its clock: a clock set back since (by hand, by NTP) is not there yet.
      const now = dayOf(new Date(), timeZone);
      if (now < next) arm(today, timeZone);
      else turned(now);
    }, Math.max(0, at - Date.now()));
    // Hours away: whatever serves the site keeps the process up; this timer alone must not.
    timer.unref();
  };
  return { arm, stop };
}
