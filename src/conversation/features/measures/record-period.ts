import { DateTime } from 'luxon';
import { ValidationError } from '../../../errors.js';
import type { MeasureFrequency } from '../../../store/schemas/measure.js';
import { describePeriod, isoMonth, MONTH_NAME, monthNumber, monthsBefore } from '../../../programme/measures/month-words.js';

/** A period found in a message: a month (YYYY-MM) or a day (YYYY-MM-DD), and where it was written. */
export interface FoundPeriod {
  period: string;
  start: number;
  end: number;
}

type Reader = (m: RegExpExecArray, today: DateTime) => string;

/** Without a year, a month or day means its latest occurrence up to today: values are about the past. */
function latestMonth(month: number, today: DateTime): string {
  const year = month <= today.month ? today.year : today.year - 1;
  return isoMonth(year, month);
}

function day(year: number | null, month: number, dayOfMonth: number, today: DateTime): string {
  const pick = (y: number) =>
    DateTime.fromObject({ year: y, month, day: dayOfMonth }, { zone: 'utc' });
  let date = pick(year ?? today.year);
  if (!date.isValid) {
    throw new ValidationError(
      'bad_period',
      `${dayOfMonth}/${month} isn't a real date. Nothing was saved.`,
    );
  }
  if (year === null && date > today) date = pick(today.year - 1);
  return date.toISODate()!;
}

const READERS: [RegExp, Reader][] = [
  [/\blast\s+month\b/i, (_m, t) => monthsBefore(t.toISODate()!, 1)],
  [/\bthis\s+month\b/i, (_m, t) => t.toFormat('yyyy-MM')],
  [/\blast\s+week\b/i, (_m, t) => t.startOf('week').minus({ weeks: 1 }).toISODate()!],
  [/\bthis\s+week\b/i, (_m, t) => t.startOf('week').toISODate()!],
  [/\b(\d{4})-(\d{2})-(\d{2})\b/, (m, t) => day(Number(m[1]), Number(m[2]), Number(m[3]), t)],
  [/\b(\d{4})-(\d{2})\b/, (m) => isoMonth(Number(m[1]), Number(m[2]))],
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAME})(?:\\s+(\\d{4}))?(?![\\w-])`, 'i'),
    (m, t) => day(m[3] ? Number(m[3]) : null, monthNumber(m[2]!)!, Number(m[1]), t),
  ],
  [
    new RegExp(`\\b(${MONTH_NAME})(?:\\s+(\\d{4}))?(?![\\w-])`, 'i'),
    (m, t) =>
      m[2] ? isoMonth(Number(m[2]), monthNumber(m[1]!)!) : latestMonth(monthNumber(m[1]!)!, t),
  ],
  [/\b(\d{1,2})\/(\d{4})\b/, (m) => isoMonth(Number(m[2]), Number(m[1]))],
  [
    /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\b/,
    (m, t) => day(m[3] ? Number(m[3]) : null, Number(m[2]), Number(m[1]), t),
  ],
];

/** The first period phrase in a message: "October", "Oct 2026", "last month", "3 Nov", "2026-10". */
export function findPeriod(text: string, todayIso: string): FoundPeriod | null {
  const today = DateTime.fromISO(todayIso, { zone: 'utc' });
  for (const [pattern, read] of READERS) {
    const match = pattern.exec(text);
    if (match)
      return { period: read(match, today), start: match.index, end: match.index + match[0].length };
  }
  return null;
}

/**
 * The period a value is stored under for the measure's frequency: a month for monthly measures, the
 * Monday of the week for weekly ones, the day for per-meeting ones. Refuses periods in the future.
 */
export function periodFor(
  found: string,
  frequency: MeasureFrequency,
  todayIso: string,
  name: string,
): string {
  const month = Number(found.slice(5, 7));
  if (month < 1 || month > 12)
    throw new ValidationError('bad_period', `${found} isn't a real month. Nothing was saved.`);
  let period = found;
  if (frequency === 'monthly') period = found.slice(0, 7);
  else if (found.length === 7) {
    const example =
      frequency === 'weekly' ? 'a day in the week, e.g. `3 Nov`' : 'the day, e.g. `3 Nov`';
    throw new ValidationError(
      'bad_period',
      `${name} is recorded ${frequency === 'weekly' ? 'weekly' : 'per meeting'}, so give ${example}. Nothing was saved.`,
    );
  } else if (frequency === 'weekly')
    period = DateTime.fromISO(found, { zone: 'utc' }).startOf('week').toISODate()!;
  const now = period.length === 7 ? todayIso.slice(0, 7) : todayIso;
  if (period > now) {
    throw new ValidationError(
      'future_period',
      `${describePeriod(period)} hasn't happened yet, so there is nothing to record for it. Nothing was saved.`,
    );
  }
  return period;
}
