import { DateTime, type DurationLikeObject } from 'luxon';

/**
 * Date-only arithmetic on YYYY-MM-DD strings. Everything is a UTC calendar date, so no daylight
 * saving change can make a day 23 or 25 hours long.
 */
export function toDate(iso: string): DateTime {
  const date = DateTime.fromISO(iso, { zone: 'utc' });
  if (!date.isValid) throw new RangeError(`not a calendar date: ${iso}`);
  return date;
}

/** Whole days from `start` to `end` (negative when `end` comes first). */
export function daysBetween(start: string, end: string): number {
  return Math.round(toDate(end).diff(toDate(start), 'days').days);
}

/** The calendar month (YYYY-MM) of a date, or of a month already written YYYY-MM. */
export function monthOf(isoDateOrMonth: string): string {
  return isoDateOrMonth.slice(0, 7);
}

/** Every month from `first` to `last` inclusive, as YYYY-MM; empty when `last` comes first. */
export function monthsFrom(first: string, last: string): string[] {
  const months: string[] = [];
  const end = toDate(`${monthOf(last)}-01`);
  for (
    let month = toDate(`${monthOf(first)}-01`);
    month <= end;
    month = month.plus({ months: 1 })
  ) {
    months.push(month.toFormat('yyyy-MM'));
  }
  return months;
}

/** `iso` plus a duration; months clip to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addToDate(iso: string, duration: DurationLikeObject): string {
  return toDate(iso).plus(duration).toISODate()!;
}

/** Days shown as weeks to one decimal place. */
export function daysToWeeks(days: number): number {
  return Math.round((days * 10) / 7) / 10;
}
