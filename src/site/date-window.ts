/**
 * The days an output stays valid. "Today" shapes the output only through
 * which issues are dated after it (and whether an issue's updated day has
 * come), so every day from the latest of those days on or before it up to
 * (not including) the next one gives the same bytes. Keying outputs by this
 * window instead of the date keeps a warm build warm across midnight.
 */
export interface DateWindow {
  from: string;
  until: string;
}

export function dateWindow(dates: Iterable<string>, today: string): DateWindow {
  let from = "";
  let until = "\uffff";
  for (const date of dates) {
    if (date <= today) {
      if (date > from) from = date;
    } else if (date < until) until = date;
  }
  return { from, until };
}

/**
 * The one day `today`: the window of a site with no published issue, whose
 * feeds and sitemap are dated by the build's day (lastChange in model.ts).
 */
export function oneDay(today: string): DateWindow {
  const next = new Date(`${today}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { from: today, until: next.toISOString().slice(0, 10) };
}

export function inWindow(window: DateWindow | undefined, today: string): boolean {
  return window !== undefined && typeof window.from === "string" && typeof window.until === "string" && window.from <= today && today < window.until;
}
