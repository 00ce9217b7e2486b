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

/**
 * Cases whose every date was checked as the list was built (toCaseMilestones checks each with
 * isCalendarDate, the schema's own test, and drops the rest): frozen and marked as checked without
 * a second pass of the schema over every date. A case reference the schema would refuse sends the
 * list through the full check, which reports it.
 */
export function checkedAsBuilt(cases: CaseMilestones[]): readonly CaseMilestones[] {
  if (!cases.every((c) => typeof c.caseRef === 'string' && c.caseRef.length > 0)) return parseCases(cases);
  return freezeAsChecked(cases);
}

/** Checks case data before any date arithmetic, so a bad date is reported rather than computed. */
export function parseCases(cases: readonly CaseMilestones[]): readonly CaseMilestones[] {
  if (checked.has(cases)) return cases;
  return freezeAsChecked(parseOrThrow(CaseListSchema, cases, 'case_milestones_invalid'));
}

/** Freezes a checked list all the way down, so the check stays true, and remembers it as checked. */
function freezeAsChecked(cases: CaseMilestones[]): readonly CaseMilestones[] {
  for (const c of cases) {
    for (const dates of Object.values(c.milestones)) Object.freeze(dates);
    Object.freeze(c.milestones);
    Object.freeze(c);
  }
  const frozen = Object.freeze(cases);
  checked.add(frozen);
  return frozen;
}
