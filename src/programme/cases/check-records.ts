import { labelMidSentence, type MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import { checkMilestoneOrder, describeOrderConflict } from '../../domain/milestone-order.js';
import type { MilestoneRecord } from '../../domain/parse-milestone.js';
import { CaseSchema } from '../../store/schemas/case.js';
import { dayLabel } from './day-format.js';
import { labelOf } from './milestone-settings.js';
import type { CaseMilestoneMap } from './record-changes.js';

export type RecordProblemCode =
  | 'too_many'
  | 'unstorable_case_ref'
  | 'conflicting_dates'
  | 'already_reached'
  | 'order_conflict';

/** Why a set of records cannot be stored as it stands; `index` is the record to point at. */
export interface RecordProblem {
  code: RecordProblemCode;
  message: string;
  index: number;
}

const storableRef = CaseSchema.shape.caseRef;

function actualDates(milestones: CaseMilestoneMap): Record<string, string> {
  return Object.fromEntries(
    Object.entries(milestones).flatMap(([key, d]) => (d.actual ? [[key, d.actual]] : [])),
  );
}

/**
 * Checks records against each other and against what the cases hold now: a reference the store
 * can keep, one date per milestone, no plan for a milestone already reached, and the catalogue's
 * order (each record also counts for the ones after it in the same message, and a refusal says
 * which dates it gave rather than calling them recorded). First problem wins.
 */
export function checkRecords(
  records: readonly MilestoneRecord[],
  existing: ReadonlyMap<string, CaseMilestoneMap>,
  catalogue: MilestoneCatalogue,
): RecordProblem | null {
  const named = (key: string) => labelMidSentence(labelOf(catalogue, key));
  const reached = new Map<string, Record<string, string>>();
  // Per case, the milestones whose date in `reached` came from these records, not the store.
  const given = new Map<string, Set<string>>();
  for (const [index, record] of records.entries()) {
    const { caseRef: ref, milestone, date, planned } = record;
    const refuse = (code: RecordProblemCode, message: string) => ({ code, message, index });
    if (!storableRef.safeParse(ref).success) {
      return refuse(
        'unstorable_case_ref',
        `${ref} can’t be stored as a case reference: use 3 to 20 letters and digits only. ` +
          'Nothing was recorded.',
      );
    }
    const twin = records.find((r) => r.caseRef === ref && r.milestone === milestone)!;
    if (twin.date !== date || twin.planned !== planned) {
      return refuse(
        'conflicting_dates',
        `I got two dates for ${ref} — ${named(milestone)}, so I haven’t recorded anything. ` +
          'Please send one date for it.',
      );
    }
    const held = existing.get(ref)?.[milestone]?.actual;
    if (planned && held) {
      return refuse(
        'already_reached',
        `${ref} already reached ${named(milestone)} on ${dayLabel(held)}, so it needs no planned ` +
          `date. If ${dayLabel(held)} is wrong, give the date it happened, e.g. ` +
          `“${ref} ${named(milestone)} 3 Oct”. Nothing was recorded.`,
      );
    }
    const actuals = reached.get(ref) ?? actualDates(existing.get(ref) ?? {});
    reached.set(ref, actuals);
    const fromMessage = given.get(ref) ?? new Set<string>();
    given.set(ref, fromMessage);
    const found = checkMilestoneOrder(actuals, milestone, date, catalogue);
    if (found) {
      const why = describeOrderConflict(milestone, date, found.conflict, catalogue, {
        given: fromMessage.has(found.conflict.milestone),
      });
      // A date already held for this very milestone is what a typed example or a slip would
      // replace: said first, so the person sees it is a change, not a first date (a try-out).
      const current = fromMessage.has(milestone) ? undefined : held ?? existing.get(ref)?.[milestone]?.actual;
      const already = current && current !== date ? `${named(milestone)} is already recorded as ${dayLabel(current)}. ` : '';
      return refuse('order_conflict', `${ref}: ${already ? already.charAt(0).toUpperCase() + already.slice(1) : ''}${why} Nothing was recorded.`);
    }
    if (!planned) {
      actuals[milestone] = date;
      fromMessage.add(milestone);
    }
  }
  return null;
}
