import { DateTime } from 'luxon';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Month names as people type them: "Oct", "October", "Sept". Regex source, one group-free alternation. */
export const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** 1–12 for a month name, or null. */
export function monthNumber(word: string): number | null {
  const index = MONTHS.indexOf(word.toLowerCase().slice(0, 3));
  return index >= 0 ? index + 1 : null;
}

export function isoMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** "Jan 2025", "January 2025", "2025-01", "01/2025" or a bare year ("2025" → its January) as YYYY-MM. */
export function parseMonthYear(text: string): string | null {
  const said = text.trim().toLowerCase();
  let match = new RegExp(`^(${MONTH_NAME})\\s+(\\d{4})$`).exec(said);
  if (match) return isoMonth(Number(match[2]), monthNumber(match[1]!)!);
  match = /^(\d{4})-(\d{1,2})$/.exec(said) ?? /^(\d{1,2})\/(\d{4})$/.exec(said);
  if (match) {
    const [year, month] = said.includes('/') ? [match[2], match[1]] : [match[1], match[2]];
    if (Number(month) >= 1 && Number(month) <= 12) return isoMonth(Number(year), Number(month));
  }
  return /^(?:19|20)\d{2}$/.test(said) ? `${said}-01` : null;
}

/** The month `count` months before the month of `today` (YYYY-MM-DD). */
export function monthsBefore(today: string, count: number): string {
  return DateTime.fromISO(today, { zone: 'utc' })
    .startOf('month')
    .minus({ months: count })
    .toFormat('yyyy-MM');
}

/** "October 2026" for a month, "3 October 2026" for a date. */
export function describePeriod(period: string): string {
  const date = DateTime.fromISO(period.length === 7 ? `${period}-01` : period, {
    zone: 'utc',
    locale: 'en-GB',
  });
  return date.toFormat(period.length === 7 ? 'LLLL yyyy' : 'd LLLL yyyy');
}
