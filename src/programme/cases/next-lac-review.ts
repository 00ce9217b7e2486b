import { activeMilestones, LAC_REVIEW_KEYS, type MilestoneCatalogue, type MilestoneKey } from '../../domain/milestone-catalogue.js';
import type { MilestoneRecord } from '../../domain/parse-milestone.js';
import type { CaseMilestoneMap } from './record-changes.js';

// The reviews in turn, first to tenth. A bare "LAC review" is read as the first
// (milestone-synonyms.ts), because the parser cannot know which reviews a child has had; the case can.
const REVIEWS = LAC_REVIEW_KEYS;

/**
 * The review a child is due next when a record names one they already had before its date: after a
 * first LAC review on 18 Feb, "LAC review 3 Nov" is the second. It follows the latest review held
 * before the date, so a child whose tracker skipped some (first, second and fifth held) has a review
 * after the fifth read as the sixth, and one between the second and the fifth as the third. Null
 * when the record is not a LAC review, names one the child has not had, or nothing later fits: the
 * next review is held on another date, or retired from the catalogue.
 */
export function nextLacReview(
  record: MilestoneRecord,
  held: CaseMilestoneMap | undefined,
  catalogue: MilestoneCatalogue,
): MilestoneKey | null {
  const next = reviewAfterLatest(record.milestone, held, catalogue, record.date);
  if (!next) return null;
  const nextHeld = held?.[next.key]?.actual;
  return nextHeld === undefined || nextHeld === record.date ? next.key : null;
}

/**
 * The review that follows the latest one held (before `date`, when given), with that latest one:
 * what a bare "LAC review" would be for this child. Null when the child has not had the review
 * named (before the date), or the next is past the catalogue's last or retired.
 */
export function reviewAfterLatest(
  named: MilestoneKey,
  held: CaseMilestoneMap | undefined,
  catalogue: MilestoneCatalogue,
  date?: string,
): { key: MilestoneKey; after: MilestoneKey; afterDate: string } | null {
  const at = REVIEWS.indexOf(named);
  if (at < 0) return null;
  const had = (key: MilestoneKey) => {
    const actual = held?.[key]?.actual;
    return actual !== undefined && (date === undefined || actual < date);
  };
  if (!had(REVIEWS[at]!)) return null;
  let latest = at;
  for (let i = at + 1; i < REVIEWS.length; i += 1) if (had(REVIEWS[i]!)) latest = i;
  const next = REVIEWS[latest + 1];
  if (!next || !activeMilestones(catalogue).some((m) => m.key === next)) return null;
  return { key: next, after: REVIEWS[latest]!, afterDate: held![REVIEWS[latest]!]!.actual! };
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
