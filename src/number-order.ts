/** An issue as its number and its date (YYYY-MM-DD, which compares as text). */
export interface NumberedDate {
  number: number;
  date: string;
}

/**
 * Whether `higher`, numbered above `lower`, is dated before it: the issue
 * numbers no longer follow the dates. The one rule behind `gekkan new
 * --date`'s note and the build's `issue-number-order` warning.
 */
export function numbersAgainstDates(lower: NumberedDate, higher: NumberedDate): boolean {
  return higher.number > lower.number && higher.date < lower.date;
}
