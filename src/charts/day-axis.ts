import { DateTime } from 'luxon';

const dayMs = 86_400_000;

/** Whole days since 1970-01-01 for an ISO date: a linear axis unit that needs no date adapter. */
export function dayNumber(isoDate: string): number {
  return Math.round(DateTime.fromISO(isoDate, { zone: 'utc' }).toMillis() / dayMs);
}

function dateOfDay(day: number): DateTime {
  return DateTime.fromMillis(day * dayMs, { zone: 'utc' }).setLocale('en-GB');
}

/** Tick positions and their labels for a date axis between two day numbers. */
export interface DayTicks {
  days: number[];
  label: (day: number) => string;
}

/**
 * Calendar ticks for a date axis: the first of each month ('Mar 25') over three months or more,
 * otherwise Mondays ('5 Jan'); thinned to at most `max`, so the axis never shows arbitrary day counts.
 */
export function dayTicks(from: number, to: number, max = 7): DayTicks {
  const monthly = to - from >= 90;
  const step = monthly ? { months: 1 } : { weeks: 1 };
  const days: number[] = [];
  const first = dateOfDay(from).startOf(monthly ? 'month' : 'week');
  for (let date = first; date.toMillis() <= to * dayMs; date = date.plus(step)) {
    const day = Math.round(date.toMillis() / dayMs);
    if (day >= from) days.push(day);
  }
  const every = Math.ceil(days.length / max);
  return {
    days: days.filter((_, i) => i % every === 0),
    label: (day) => dateOfDay(day).toFormat(monthly ? 'LLL yy' : 'd LLL'),
  };
}
