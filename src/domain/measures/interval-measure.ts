import { median } from '../runchart/median.js';
import { daysBetween, daysToWeeks, monthOf, monthsFrom } from './calendar.js';
import type { CaseMilestones } from './case-milestones.js';
import type { DataProblem, MeasurePoint } from './measure-point.js';
import { checkedPairs } from './milestone-pairs.js';

export interface IntervalMeasureOptions {
  from: string;
  to: string;
  /** First and last month shown (YYYY-MM or a date in it); by default those of the data. */
  since?: string;
  until?: string;
}

export interface Interval {
  caseRef: string;
  start: string;
  end: string;
  days: number;
  weeks: number;
}

export interface MonthlyMedianPoint extends MeasurePoint {
  /** Children who reached B that month. */
  count: number;
}

export interface IntervalMeasureResult {
  /** Each child who reached B, in the order they reached it (ties by case reference). */
  intervals: Interval[];
  perChild: MeasurePoint[];
  /** Median weeks per calendar month of reaching B; months with nobody are null. */
  monthly: MonthlyMedianPoint[];
  problems: DataProblem[];
}

/**
 * Time from milestone A to B per child, in weeks. Children with A but no B are still waiting and
 * are not intervals: counting them would make the measure look shorter than it is.
 */
export function intervalMeasure(
  cases: readonly CaseMilestones[],
  options: IntervalMeasureOptions,
): IntervalMeasureResult {
  const { pairs, problems } = checkedPairs(cases, options.from, options.to);
  const inWindow = (month: string) =>
    (!options.since || month >= monthOf(options.since)) &&
    (!options.until || month <= monthOf(options.until));
  const intervals = pairs
    .flatMap(({ caseRef, start, end }) => {
      if (end === undefined || !inWindow(monthOf(end))) return [];
      const days = daysBetween(start, end);
      return [{ caseRef, start, end, days, weeks: daysToWeeks(days) }];
    })
    .sort((a, b) => a.end.localeCompare(b.end) || a.caseRef.localeCompare(b.caseRef));

  const first = options.since ?? intervals[0]?.end;
  const last = options.until ?? intervals[intervals.length - 1]?.end;
  const months = first && last ? monthsFrom(first, last) : [];
  const monthly = months.map((period) => {
    const days = intervals.filter((i) => monthOf(i.end) === period).map((i) => i.days);
    const middle = median(days);
    return { period, value: middle === null ? null : daysToWeeks(middle), count: days.length };
  });
  return {
    intervals,
    perChild: intervals.map((i) => ({ period: i.end, value: i.weeks, caseRef: i.caseRef })),
    monthly,
    problems,
  };
}
