import { DateTime, type DurationLikeObject } from 'luxon';

/**
 * Date-only arithmetic on YYYY-MM-DD strings. Everything is a UTC calendar date, so no daylight
 * saving change can make a day 23 or 25 hours long.
 *
 * The hot paths work on plain numbers (a date's day number: days since 1970-01-01): a digest does
 * tens of thousands of these, and parsing each date into a luxon DateTime was over a quarter of its
 * time (issue 15).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of the proleptic Gregorian calendar, as luxon counts them. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Year, month (1–12) and day of a YYYY-MM-DD string, or null unless it is a real calendar date. */
function partsOf(iso: string): [number, number, number] | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

/** Whether `iso` is a date written YYYY-MM-DD that exists (no 31 April, no 29 Feb 2025). */
export function isCalendarDate(iso: string): boolean {
  return partsOf(iso) !== null;
}

function utcDays(year: number, month: number, day: number): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as written.
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
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
