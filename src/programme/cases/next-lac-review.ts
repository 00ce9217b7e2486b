import { activeMilestones, LAC_REVIEW_KEYS, type MilestoneCatalogue, type MilestoneKey } from '../../domain/milestone-catalogue.js';
import type { MilestoneRecord } from '../../domain/parse-milestone.js';
import type { CaseMilestoneMap } from './record-changes.js';

// The reviews in turn, first to tenth. A bare "LAC review" is read as the first
// (milestone-synonyms.ts), because the parser cannot know which reviews a child has had; the case can.
const REVIEWS = LAC_REVIEW_KEYS;

/**
 * The review a child is due next when a record names one they already had before its date: after a
 * first LAC review on 18 Feb, "LAC review 3 Nov" is the second (or third, if the second is held
 * too). Null when the record is not a LAC review, names one the child has not had, or nothing later
 * fits: the next review is held on or after the date, or retired from the catalogue.
 */
export function nextLacReview(
  record: MilestoneRecord,
  held: CaseMilestoneMap | undefined,
  catalogue: MilestoneCatalogue,
): MilestoneKey | null {
  let at = REVIEWS.indexOf(record.milestone);
  if (at < 0) return null;
  const before = (key: MilestoneKey) => {
    const actual = held?.[key]?.actual;
    return actual !== undefined && actual < record.date;
  };
  if (!before(REVIEWS[at]!)) return null;
  while (at + 1 < REVIEWS.length && before(REVIEWS[at + 1]!)) at += 1;
  const next = REVIEWS[at + 1];
  if (!next || !activeMilestones(catalogue).some((m) => m.key === next)) return null;
  const nextHeld = held?.[next]?.actual;
  return nextHeld === undefined || nextHeld === record.date ? next : null;
}

/**
 * The records with each LAC review the child already had moved to their next one, or null when
 * none moves. `only` limits it to the records at those positions (the ones said as a bare
 * "LAC review"); without it every record may move.
 */
export function readAsNextReviews(
  records: readonly MilestoneRecord[],
  existing: ReadonlyMap<string, CaseMilestoneMap>,
  catalogue: MilestoneCatalogue,
  only?: (record: MilestoneRecord) => boolean,
): MilestoneRecord[] | null {
  let moved = false;
  const read = records.map((record) => {
    if (only && !only(record)) return record;
    const next = nextLacReview(record, existing.get(record.caseRef), catalogue);
    if (!next) return record;
    moved = true;
    return { ...record, milestone: next };
  });
  return moved ? read : null;
}

/**
 * The last LAC review the catalogue keeps, when a record names a review and the child already had
 * that last one before its date: there is no later review to read it as. Null otherwise.
 */
export function lastReviewHad(
  record: MilestoneRecord,
  held: CaseMilestoneMap | undefined,
  catalogue: MilestoneCatalogue,
): { key: MilestoneKey; date: string; count: number } | null {
  if (!REVIEWS.includes(record.milestone)) return null;
  const active = REVIEWS.filter((key) => activeMilestones(catalogue).some((m) => m.key === key));
  const last = active.at(-1);
  const date = last && held?.[last]?.actual;
  if (!last || !date || date >= record.date) return null;
  return { key: last, date, count: REVIEWS.indexOf(last) + 1 };
}
