import { daysBetween } from './calendar.js';
import type { CaseMilestones } from './case-milestones.js';
import type { DataProblem } from './measure-point.js';

/** A child who reached milestone A, with the date of B if they have reached it. */
export interface MilestonePair {
  caseRef: string;
  start: string;
  end?: string;
}

/**
 * Pairs each child's actual dates for milestones A and B. Planned dates are ignored: a child has
 * not reached a milestone that is only planned. B before A, or B without A, cannot be measured and
 * is returned as a problem for a lead to put right instead of being counted.
 */
export function pairMilestones(
  cases: readonly CaseMilestones[],
  from: string,
  to: string,
): { pairs: MilestonePair[]; problems: DataProblem[] } {
  const pairs: MilestonePair[] = [];
  const problems: DataProblem[] = [];
  for (const { caseRef, milestones } of cases) {
    const start = milestones[from]?.actual;
    const end = milestones[to]?.actual;
    if (start === undefined) {
      if (end !== undefined) {
        problems.push({
          caseRef,
          code: 'start_missing',
          message: `${caseRef} has a ${to} date (${end}) but no ${from} date.`,
        });
      }
    } else if (end !== undefined && daysBetween(start, end) < 0) {
      problems.push({
        caseRef,
        code: 'end_before_start',
        message: `${caseRef}: ${to} (${end}) is before ${from} (${start}).`,
      });
    } else {
      pairs.push(end === undefined ? { caseRef, start } : { caseRef, start, end });
    }
  }
  return { pairs, problems };
}
