import { activeMilestones, LAC_REVIEW_KEYS, type MilestoneCatalogue } from '../milestone-catalogue.js';

// Reviews from the third on go unlisted: they are said like the second.
const LATER_REVIEWS = new Set(LAC_REVIEW_KEYS.slice(2));

/**
 * The milestones a "which milestone?" refusal lists: every one in use, but the LAC reviews after the
 * second only as "and later ones", so ten reviews do not bury the rest of the list on a phone.
 */
export function namedInRefusal(catalogue: MilestoneCatalogue): string[] {
  const active = activeMilestones(catalogue);
  const folded = active.some((m) => m.key === 'second_lac_review') && active.some((m) => LATER_REVIEWS.has(m.key));
  return active
    .filter((m) => !folded || !LATER_REVIEWS.has(m.key))
    .map((m) => (folded && m.key === 'second_lac_review' ? `${m.label} (and later ones)` : m.label));
}
