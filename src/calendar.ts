import { z } from "zod";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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

export const calendarDate = z
  .string()
  .regex(ISO_DATE)
  .refine(isCalendarDate, { message: "that day does not exist in the calendar" });

