import { isBlank, plainValue } from './cell-value.js';

/**
 * What a milestone cell holds:
 * - `empty`: blank, or a placeholder such as "tbc" or "n/a";
 * - `date`: a calendar day, with `shown` as it may be quoted back (the text as typed);
 * - `invalid`: text shaped like a date that is no day ("30/02/2025"), with `why` ("day 30 of February");
 * - `no_year`: a day and month without a year ("3 Oct"), safe to quote;
 * - `error`: a spreadsheet error such as #REF!;
 * - `not_a_date`: anything else, which is never quoted (it could be anything, even a name).
 */
export type CellDate =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string; shown: string }
  | { kind: 'invalid'; text: string; why: string }
  | { kind: 'no_year'; text: string }
  | { kind: 'error'; code: string }
  | { kind: 'not_a_date' };

const EMPTY: CellDate = { kind: 'empty' };
const NOT_A_DATE: CellDate = { kind: 'not_a_date' };

// Ways of writing "no date (yet)". A tick or "yes" is not among them: it says the milestone
// happened without saying when, so such a row is refused rather than imported without it.
const PLACEHOLDERS = new Set([
  ...['tbc', 'tba', 'tbd', 'n/a', 'na', 'n a', 'nk', 'n/k', 'not known', 'unknown'],
  ...['not applicable', 'none', 'nil', 'pending', 'awaiting', 'not yet', 'no date'],
  ...['-', '--', '---', '–', '—', '?', '??', '???', '.'],
]);
// "TBC - booked for Dec" says there is no date yet, whatever follows.
const PLACEHOLDER_PREFIX = /^(tbc|tba|tbd|awaiting|pending|not yet)\b/;

const MONTH_NAMES = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
];
// A Map: the month word comes from a cell, and a plain object would read "constructor" as a month.
const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, i) => names.map((name) => [name, i + 1] as const)),
);

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`, 'i');
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
// Day first always: 3/10/2025, 03/10/25, 3.10.25, 3-10-2025, optionally with a time from an export.
const DAY_FIRST = new RegExp(
  String.raw`^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})${TIME}$`,
  'i',
);
const WEEKDAY = String.raw`(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?`;
// 3 Oct 2025, 3rd October 2025, 3-Oct-25 (Excel's d-mmm-yy), Fri 3 Oct 2025.
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?[\s./-]*([a-z]+)\.?,?[\s./-]*(\d{2}|\d{4})$`,
);
// October 3, 2025: the month is named, so which is the day is not in doubt.
const MONTH_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?[\s./-]*([a-z]+)\.?$|^(\d{1,2})\s*[/.]\s*(\d{1,2})$/;

// Excel serials for 1 Jan 1950 and 1 Jan 2100: a bare number outside is not a date.
const SERIAL_MIN = 18_264;
const SERIAL_MAX = 73_051;
// Days from Excel's day 0 (30 Dec 1899, in the 1900 system) to 1 Jan 1970.
const SERIAL_UNIX_EPOCH = 25_569;
const DATE_1904_OFFSET = 1_462;
const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoFromParts(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one; UTC so no clock change moves it.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > lastDay ? null : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function isoFromUtcDate(date: Date): string | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const year = date.getUTCFullYear();
  if (year < 1900 || year > 2199) return null;
  return date.toISOString().slice(0, 10);
}

function fromSerial(serial: number, date1904: boolean): CellDate {
  const days = Math.floor(serial) + (date1904 ? DATE_1904_OFFSET : 0);
  if (days < SERIAL_MIN || days >= SERIAL_MAX) return NOT_A_DATE;
  const iso = isoFromUtcDate(new Date((days - SERIAL_UNIX_EPOCH) * DAY_MS))!;
  return { kind: 'date', iso, shown: ukDate(iso) };
}

/** "2025-10-03" → "03/10/2025", for quoting a date that came as a number or an Excel date. */
export function ukDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const MONTH_TITLES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why a day, month and year are no calendar day, in words that never repeat the cell. */
function whyNotADay(month: number, day: number): string {
  if (month < 1 || month > 12) return `there is no month ${month}`;
  if (day < 1) return 'there is no day 0';
  return `day ${day} of ${MONTH_TITLES[month - 1]}`;
}

function dated(year: number, month: number, day: number, text: string): CellDate {
  const iso = isoFromParts(year, month, day);
  return iso ? { kind: 'date', iso, shown: text } : { kind: 'invalid', text, why: whyNotADay(month, day) };
}

function fromText(raw: string, date1904: boolean): CellDate {
  const text = raw.replace(/\s+/g, ' ').trim();
  const lower = text.toLowerCase();
  if (lower === '' || PLACEHOLDERS.has(lower) || PLACEHOLDER_PREFIX.test(lower)) return EMPTY;
  let m = ISO.exec(lower) ?? YEAR_FIRST.exec(lower);
  if (m) return dated(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = DAY_FIRST.exec(lower);
  if (m) return dated(fullYear(m[3]!), Number(m[2]), Number(m[1]), text);
  m = DAY_MONTH_YEAR.exec(lower);
  if (m && MONTHS.has(m[2]!)) {
    return dated(fullYear(m[3]!), MONTHS.get(m[2]!)!, Number(m[1]), text);
  }
  m = MONTH_DAY_YEAR.exec(lower);
  if (m && MONTHS.has(m[1]!)) {
    return dated(Number(m[3]), MONTHS.get(m[1]!)!, Number(m[2]), text);
  }
  m = DAY_MONTH.exec(lower);
  if (m && (m[2] === undefined || MONTHS.has(m[2]))) return { kind: 'no_year', text };
  // A serial number kept as text, as a CSV export of an unformatted date column holds it.
  if (/^\d{5}(\.\d+)?$/.test(text)) return fromSerial(Number(text), date1904);
  return NOT_A_DATE;
}

/**
 * Reads a milestone cell. Excel dates arrive from exceljs as UTC midnight, so the UTC calendar day
 * is the day the user typed. Bare numbers are Excel serials if they fall in a plausible range,
 * counted as Excel does (45658 is 1 Jan 2025). Text is read day first, as in the UK.
 */
export function readCellDate(raw: unknown, date1904 = false): CellDate {
  const value = plainValue(raw);
  if (isBlank(value)) return EMPTY;
  if (value instanceof Date) {
    const iso = isoFromUtcDate(value);
    return iso ? { kind: 'date', iso, shown: ukDate(iso) } : NOT_A_DATE;
  }
  if (typeof value === 'number') return fromSerial(value, date1904);
  if (typeof value === 'string') return fromText(value, date1904);
  // #N/A is how a lookup says "nothing here"; other errors mean a broken formula.
  if (typeof value === 'object' && value !== null) {
    return value.error === '#N/A' ? EMPTY : { kind: 'error', code: value.error };
  }
  return NOT_A_DATE;
}
