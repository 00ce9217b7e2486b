import { CaseSchema } from '../../../store/schemas/case.js';
import {
  labelMidSentence,
  type MilestoneCatalogue,
} from '../../../domain/milestone-catalogue.js';
import { checkMilestoneOrder, describeOrderConflict } from '../../../domain/milestone-order.js';
import type { MilestoneRecord } from '../../../domain/parse-milestone.js';
import { dayLabel } from './day-format.js';
import { labelOf } from './milestone-settings.js';
import type { CaseMilestoneMap } from './record-changes.js';

/** Why a set of records cannot be stored as it stands; `index` is the record to point at. */
export interface RecordProblem {
  code: 'too_many' | 'unstorable_case_ref' | 'conflicting_dates' | 'already_reached' | 'order_conflict';
  message: string;
  index: number;
}

const storableRef = CaseSchema.shape.caseRef;

/**
 * Checks records against each other and against what the cases hold now: a reference the store can
 * keep, one date per milestone, no plan for a milestone already reached, and the catalogue's order
 * (each record also counts for the ones after it in the same message). First problem wins.
 */
export function checkRecords(
  records: readonly MilestoneRecord[],
  existing: ReadonlyMap<string, CaseMilestoneMap>,
  catalogue: MilestoneCatalogue,
): RecordProblem | null {
  const label = (key: string) => labelOf(catalogue, key);
  const reached = new Map<string, Record<string, string>>();
  for (const [index, record] of records.entries()) {
    const { caseRef: ref, milestone, date, planned } = record;
    if (!storableRef.safeParse(ref).success) {
      const message = `${ref} can’t be stored as a case reference: use 3 to 20 letters and digits only. Nothing was recorded.`;
      return { code: 'unstorable_case_ref', message, index };
    }
    const twin = records.findIndex((r) => r.caseRef === ref && r.milestone === milestone);
    const other = records[twin]!;
    if (twin !== index && (other.date !== date || other.planned !== planned)) {
      const message = `I got two dates for ${ref} — ${labelMidSentence(label(milestone))}, so I haven’t recorded anything. Please send one date for it.`;
      return { code: 'conflicting_dates', message, index };
    }
    const held = existing.get(ref)?.[milestone];
    if (planned && held?.actual) {
      const message =
        `${ref} already reached ${labelMidSentence(label(milestone))} on ${dayLabel(held.actual)}, so it needs no planned date. ` +
        `If ${dayLabel(held.actual)} is wrong, give the date it happened, e.g. “${ref} ${labelMidSentence(label(milestone))} 3 Oct”. Nothing was recorded.`;
      return { code: 'already_reached', message, index };
    }
    const actuals = reached.get(ref) ?? actualDates(existing.get(ref) ?? {});
    reached.set(ref, actuals);
    const found = checkMilestoneOrder(actuals, milestone, date, catalogue);
    if (found) {
      const why = describeOrderConflict(milestone, date, found.conflict, catalogue);
      return { code: 'order_conflict', message: `${ref}: ${why} Nothing was recorded.`, index };
    }
    if (!planned) actuals[milestone] = date;
  }
  return null;
}

function actualDates(milestones: CaseMilestoneMap): Record<string, string> {
  return Object.fromEntries(
    Object.entries(milestones).flatMap(([key, d]) => (d.actual ? [[key, d.actual]] : [])),
  );
}
