import { z } from 'zod';
import { parseOrThrow } from '../runchart/parse-or-throw.js';
import { type CaseMilestones, CaseMilestonesSchema } from './case-milestones.js';

const CaseListSchema = z.array(CaseMilestonesSchema);

/** Checks case data before any date arithmetic, so a bad date is reported rather than computed. */
export function parseCases(cases: readonly CaseMilestones[]): CaseMilestones[] {
  return parseOrThrow(CaseListSchema, cases, 'case_milestones_invalid');
}
