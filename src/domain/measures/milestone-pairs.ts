import { daysBetween } from './calendar.js';
import type { CaseMilestones } from './case-milestones.js';
import type { DataProblem } from './measure-point.js';
import { parseCases } from './parse-cases.js';

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

type Paired = ReturnType<typeof pairMilestones>;

/** Pairings of checked (so frozen) case lists, per pair of milestones: see `checkedPairs`. */
const pairings = new WeakMap<readonly CaseMilestones[], Map<string, Readonly<Paired>>>();

/**
 * The cases checked (once per list: see parseCases) and paired for A and B, computed once per list
 * and pair of milestones. A digest measures the same stage for its interval chart, its "% within"
 * chart and its waiting list, in every group whose measures include it; they all share one pairing.
 * Callers get their own arrays: the shared ones stay as computed.
 */
export function checkedPairs(cases: readonly CaseMilestones[], from: string, to: string): Paired {
  const checked = parseCases(cases);
  let byStage = pairings.get(checked);
  if (!byStage) pairings.set(checked, (byStage = new Map()));
  const key = JSON.stringify([from, to]);
  let paired = byStage.get(key);
  if (!paired) {
    const { pairs, problems } = pairMilestones(checked, from, to);
    for (const item of [...pairs, ...problems]) Object.freeze(item);
    paired = { pairs: Object.freeze(pairs), problems: Object.freeze(problems) } as Readonly<Paired>;
    byStage.set(key, paired);
  }
  return { pairs: [...paired.pairs], problems: [...paired.problems] };
}
