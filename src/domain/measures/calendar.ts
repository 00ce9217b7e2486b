import { DateTime, type DurationLikeObject } from 'luxon';

/**
 * Date-only arithmetic on YYYY-MM-DD strings. Everything is a UTC calendar date, so no daylight
 * saving change can make a day 23 or 25 hours long.
 *
 * The hot paths work on plain numbers (a date's day number: days since 1970-01-01): a digest does
 * tens of thousands of these, and parsing each date into a luxon DateTime was over a quarter of its
 * time (issue 15).
 */

const DAY_MS = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of the proleptic Gregorian calendar, as luxon counts them. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The number written by the ASCII digits of `text` from `start` to `end`, or -1 if any is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const HYPHEN = 45;

/**
 * Year, month (1–12) and day of a YYYY-MM-DD string, or null unless it is a real calendar date.
 * Read digit by digit rather than with a regular expression: a digest reads tens of thousands of
 * dates, and each match allocated an array and three strings.
 */
function partsOf(iso: string): [number, number, number] | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== HYPHEN || iso.charCodeAt(7) !== HYPHEN) return null;
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 7);
  const day = digitsAt(iso, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

/** Whether `iso` is a date written YYYY-MM-DD that exists (no 31 April, no 29 Feb 2025). */
export function isCalendarDate(iso: string): boolean {
  return partsOf(iso) !== null;
}

/**
 * Days since 1970-01-01 of a date of the proleptic Gregorian calendar, by arithmetic (the days
 * before each 400-year era, year and month since 1 March), without making a Date for each.
 */
function utcDays(year: number, month: number, day: number): number {
  // Counted from 1 March, so that a leap day is the last day of its year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  // 719,468 days from 1 March of year 0 to 1 January 1970.
  return era * 146_097 + dayOfEra - 719_468;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (negative before it); throws for a date that does not exist. */
export function dayNumber(iso: string): number {
  const parts = partsOf(iso);
  if (!parts) throw new RangeError(`not a calendar date: ${iso}`);
  return utcDays(...parts);
}

/** The YYYY-MM-DD date of a day number. */
export function dateOfDay(day: number): string {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(date.getUTCDate()).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${mm}-${dd}`;
}

/** A date as a luxon DateTime at UTC midnight, for formatting; arithmetic uses day numbers. */
export function toDate(iso: string): DateTime {
  const date = DateTime.fromISO(iso, { zone: 'utc' });
  if (!date.isValid) throw new RangeError(`not a calendar date: ${iso}`);
  return date;
}

/** Whole days from `start` to `end` (negative when `end` comes first). */
export function daysBetween(start: string, end: string): number {
  return dayNumber(end) - dayNumber(start);
}

/** The calendar month (YYYY-MM) of a date, or of a month already written YYYY-MM. */
export function monthOf(isoDateOrMonth: string): string {
  return isoDateOrMonth.slice(0, 7);
}

/** Every month from `first` to `last` inclusive, as YYYY-MM; empty when `last` comes first. */
export function monthsFrom(first: string, last: string): string[] {
  // Each end is checked as a date (its month's first day), as before: "2026-13" is refused.
  dayNumber(`${monthOf(first)}-01`);
  dayNumber(`${monthOf(last)}-01`);
  const months: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const endYear = Number(last.slice(0, 4));
  const endMonth = Number(last.slice(5, 7));
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** `iso` plus a duration; months clip to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addToDate(iso: string, duration: DurationLikeObject): string {
  const keys = Object.keys(duration);
  if (keys.length === 1 && (keys[0] === 'days' || keys[0] === 'weeks' || keys[0] === 'months')) {
    const amount = (duration as Record<string, number>)[keys[0]]!;
    if (Number.isInteger(amount)) return addWhole(iso, keys[0], amount);
  }
  return toDate(iso).plus(duration).toISODate()!;
}

/** The common durations (a target in days, weeks or months) without luxon. */
function addWhole(iso: string, unit: 'days' | 'weeks' | 'months', amount: number): string {
  const parts = partsOf(iso);
  if (!parts) throw new RangeError(`not a calendar date: ${iso}`);
  const [year, month, day] = parts;
  if (unit !== 'months') return dateOfDay(utcDays(year, month, day) + amount * (unit === 'weeks' ? 7 : 1));
  const index = year * 12 + (month - 1) + amount;
  const toYear = Math.floor(index / 12);
  const toMonth = index - toYear * 12 + 1;
  return dateOfDay(utcDays(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth))));
}

/** Days shown as weeks to one decimal place. */
export function daysToWeeks(days: number): number {
  return Math.round((days * 10) / 7) / 10;
}
