import { dayNumber, isCalendarDate } from './measures/calendar.js';

/**
 * The days a child has waited since `startedOn` (a YYYY-MM-DD date) when that is past an aim's time
 * in weeks, else null. The one rule `alerts`, `overdue` and the digest's "still waiting after" all
 * go by, so they never disagree: past means more days than the weeks hold, so 30 weeks 4 days is
 * past a 30-week aim and 30 weeks exactly is not. (Whole weeks rounded down, as overdue and the
 * digest once counted, left a child at 30 weeks 4 days out while alerts counted them.) A start
 * after today has not begun, so is never past.
 */
export function pastAim(startedOn: string, today: string, weeks: number): number | null {
  // The schema checks a stored date's shape only: a day that does not exist (31 April) is no
  // wait, rather than an error that would stop a whole list or the morning's alerts.
  if (!isCalendarDate(startedOn)) return null;
  const days = dayNumber(today) - dayNumber(startedOn);
  return days > weeks * 7 ? days : null;
}

/**
 * A wait as a reader checks it against an aim in weeks: "30 weeks 4 days", "31 weeks", so a child
 * listed as past 30 weeks never reads as "30 weeks". Under two weeks, days alone ("0 weeks" reads
 * as a mistake).
 */
export function weeksAndDays(days: number): string {
  if (days < 14) return days === 1 ? '1 day' : `${days} days`;
  const [weeks, rest] = [Math.floor(days / 7), days % 7];
  if (rest === 0) return `${weeks} weeks`;
  return `${weeks} weeks ${rest} ${rest === 1 ? 'day' : 'days'}`;
}
