import { z } from 'zod';
import { parseOrThrow } from '../runchart/parse-or-throw.js';
import { addToDate, monthOf, monthsFrom } from './calendar.js';
import type { CaseMilestones } from './case-milestones.js';
import type { DataProblem, MeasurePoint } from './measure-point.js';
import { checkedPairs } from './milestone-pairs.js';

/** The target time, in one unit: "within 2 weeks", "within 28 weeks", "within six months". */
export const TargetSchema = z.union([
  z.strictObject({ days: z.number().int().positive() }),
  z.strictObject({ weeks: z.number().int().positive() }),
  z.strictObject({ months: z.number().int().positive() }),
]);
export type Target = z.infer<typeof TargetSchema>;

export interface ProportionMeasureOptions {
  from: string;
  to: string;
  target: Target;
  /** The date the data is as of (YYYY-MM-DD). */
  today: string;
  since?: string;
  until?: string;
}

export interface ProportionMonth extends MeasurePoint {
  /** Children whose deadline fell in the month and who reached B by it. */
  numerator: number;
  /** Children whose deadline fell in the month and has passed. */
  denominator: number;
}

export interface ProportionMeasureResult {
  /** `value` is the percentage to one decimal place, null for a month with no deadlines. */
  months: ProportionMonth[];
  problems: DataProblem[];
}

/**
 * % of children reaching B within the target time of A, per month.
 *
 * A child belongs to the month of their deadline (A + target), and is counted only once that
 * deadline has passed (deadline before `today`): met if they reached B on or before it, not met
 * otherwise, including children still waiting. This is the reading that does not flatter: counting
 * by the month children reached B would leave out everyone still waiting, and counting early
 * successes before their deadline passes would fill the latest months with only the quick ones.
 */
export function proportionMeasure(
  cases: readonly CaseMilestones[],
  options: ProportionMeasureOptions,
): ProportionMeasureResult {
  const target = parseOrThrow(TargetSchema, options.target, 'target_invalid');
  const { pairs, problems } = checkedPairs(cases, options.from, options.to);
  const settled = pairs
    .map((pair) => ({ ...pair, deadline: addToDate(pair.start, target) }))
    .filter((pair) => pair.deadline < options.today)
    .filter(
      ({ deadline }) =>
        (!options.since || monthOf(deadline) >= monthOf(options.since)) &&
        (!options.until || monthOf(deadline) <= monthOf(options.until)),
    )
    .sort((a, b) => a.deadline.localeCompare(b.deadline));

  const first = options.since ?? settled[0]?.deadline;
  const last = options.until ?? settled[settled.length - 1]?.deadline;
  const months = (first && last ? monthsFrom(first, last) : []).map((period) => {
    const due = settled.filter((pair) => monthOf(pair.deadline) === period);
    const met = due.filter((pair) => pair.end !== undefined && pair.end <= pair.deadline).length;
    const value = due.length === 0 ? null : Math.round((met / due.length) * 1000) / 10;
    return { period, value, numerator: met, denominator: due.length };
  });
  return { months, problems };
}
