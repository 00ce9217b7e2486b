import type { MilestoneRecord } from '../../domain/parse-milestone.js';
import type { MilestoneDates } from '../../store/schemas/case.js';

/**
 * What a record would do to a child's journey:
 * - `new`: the milestone had no date;
 * - `correction`: it had a different actual date;
 * - `now_actual`: it was planned and has now happened (the plan is dropped);
 * - `replanned`: it was planned for a different date;
 * - `unchanged`: it already says exactly this.
 */
export type ChangeKind = 'new' | 'correction' | 'now_actual' | 'replanned' | 'unchanged';

export interface MilestoneChange {
  record: MilestoneRecord;
  previous?: MilestoneDates;
  kind: ChangeKind;
}

export type CaseMilestoneMap = Record<string, MilestoneDates>;

function kindOf(record: MilestoneRecord, previous: MilestoneDates | undefined): ChangeKind {
  if (record.planned) {
    if (previous?.planned === record.date) return 'unchanged';
    return previous?.planned ? 'replanned' : 'new';
  }
  if (previous?.actual === record.date) return 'unchanged';
  if (previous?.actual) return 'correction';
  return previous?.planned ? 'now_actual' : 'new';
}

/** Each record beside what its case holds now (`existing` is keyed by case reference). */
export function describeChanges(
  records: readonly MilestoneRecord[],
  existing: ReadonlyMap<string, CaseMilestoneMap>,
): MilestoneChange[] {
  return records.map((record) => {
    const previous = existing.get(record.caseRef)?.[record.milestone];
    return { record, kind: kindOf(record, previous), ...(previous ? { previous } : {}) };
  });
}

/**
 * One case's milestones with the records applied. A date that happened replaces a plan for the same
 * milestone: once reached, the plan no longer says anything.
 */
export function applyRecords(
  milestones: CaseMilestoneMap,
  records: readonly MilestoneRecord[],
): CaseMilestoneMap {
  const next: CaseMilestoneMap = structuredClone(milestones);
  for (const { milestone, date, planned } of records) {
    next[milestone] = planned ? { ...next[milestone], planned: date } : { actual: date };
  }
  return next;
}
