import { z } from 'zod';
import { parseOrThrow } from '../runchart/parse-or-throw.js';
import { type CaseMilestones, CaseMilestonesSchema } from './case-milestones.js';

const CaseListSchema = z.array(CaseMilestonesSchema);

/**
 * Case lists this module checked and froze. A digest hands the same list to a dozen measure
 * functions; checking it once (issue 15: fifteen times per digest, each parsing every date) is
 * enough, and freezing it is what makes the first check still true on the fifteenth use.
 */
const checked = new WeakSet<readonly CaseMilestones[]>();

/** Checks case data before any date arithmetic, so a bad date is reported rather than computed. */
export function parseCases(cases: readonly CaseMilestones[]): readonly CaseMilestones[] {
  if (checked.has(cases)) return cases;
  const parsed = parseOrThrow(CaseListSchema, cases, 'case_milestones_invalid');
  for (const c of parsed) {
    for (const dates of Object.values(c.milestones)) Object.freeze(dates);
    Object.freeze(c.milestones);
    Object.freeze(c);
  }
  const frozen = Object.freeze(parsed);
  checked.add(frozen);
  return frozen;
}
