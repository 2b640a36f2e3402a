import { z } from "zod";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** No calendar counts from year 0000: said of a day (calendarDate) and of a month (impossibleMonth). */
const NO_YEAR_ZERO = "there is no year 0000; years start at 0001";

/**
 * True for a real (proleptic Gregorian) calendar day: 2011-02-30 is not one.
 * Plain arithmetic: `Date.UTC` maps years 0–99 to 1900–1999.
 */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/**
 * A calendar day written YYYY-MM-DD, judged once: a wrong shape
 * (2011/07/01, a time, a five-digit year) is one problem, not also "that
 * day does not exist". Year 0000 is refused: no calendar counts from it.
 */
export const calendarDate = z.string().superRefine((text, ctx) => {
  if (!ISO_DATE.test(text)) {
    const hint = /^\d{4}-\d{2}-\d{2}[T ]/.test(text) ? " (write the day only, without a time)" : rewrittenHint(text);
    ctx.addIssue({ code: "custom", message: "", params: { hint }, input: text });
  } else if (text.startsWith("0000-")) {
    ctx.addIssue({ code: "custom", message: NO_YEAR_ZERO, input: text });
  } else if (!isCalendarDate(text)) {
    ctx.addIssue({ code: "custom", message: "that day does not exist in the calendar", input: text });
  }
});

/**
 * The same day in the one shape a date is written in, for a shape an author
 * commonly types: 2011/07/01, 2011.7.1, 2011-7-1, 2011年7月1日, full-width
 * digits from an input method; a month alone (2011-07) is told to add the
 * day. Only a real calendar day is offered.
 */
function rewrittenHint(text: string): string {
  const written = writtenDate(text);
  if (written?.day === undefined) return written === undefined ? "" : ` (write the day too: ${written.month}-01 for the first of the month)`;
  const why = /[０-９]/u.test(text) ? "its digits are full-width: " : "";
  return isCalendarDate(written.day) && written.day !== text ? ` (${why}write it ${written.day})` : "";
}

/** A month an author typed another way (2011/7, 2011-7, 2011年7月, full-width digits, or a day of it: 2011-07-01) as YYYY-MM; undefined when it is not one. */
export function monthAsWritten(text: string): string | undefined {
  return writtenDate(text)?.month;
}

/**
 * Why a month given as text (gekkan new --date) is no month of the
 * calendar, when it is in a shape writtenDate reads (2011-13, 2011/0,
 * 0000-05, 2011-07-01); undefined otherwise, the shape being the problem.
 */
export function impossibleMonth(text: string): string | undefined {
  const parts = writtenParts(text);
  if (parts === undefined) return undefined;
  if (parts.month < 1 || parts.month > 12) return `there is no month ${String(parts.month)}; months run from 01 to 12`;
  if (parts.year === "0000") return NO_YEAR_ZERO;
  return undefined;
}

/** Year, month and maybe day in the shapes authors type (any of - / . 年 月 日 between them), the numbers not yet judged. */
function writtenParts(text: string): { year: string; month: number; day: string | undefined } | undefined {
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月?)$/u.exec(text.normalize("NFKC").trim());
  if (parts === null) return undefined;
  return { year: parts[1] ?? "", month: Number(parts[2]), day: parts[3] };
}

/** Year, month and maybe day as YYYY-MM and YYYY-MM-DD, for a month of the calendar (1 to 12). */
function writtenDate(text: string): { month: string; day?: string } | undefined {
  const parts = writtenParts(text);
  if (parts === undefined || parts.month < 1 || parts.month > 12) return undefined;
  const month = `${parts.year}-${String(parts.month).padStart(2, "0")}`;
  return parts.day === undefined ? { month } : { month, day: `${month}-${parts.day.padStart(2, "0")}` };
}
