import { labelMidSentence, LAC_REVIEW_KEYS } from '../../../domain/milestone-catalogue.js';
import type { MilestoneRecord } from '../../../domain/parse-milestone.js';
import { dayLabel } from '../../../programme/cases/day-format.js';
import { loadMilestones } from '../../../programme/cases/load-milestones.js';
import { labelOf, type MilestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { lastReviewHad } from '../../../programme/cases/next-lac-review.js';
import type { TurnContext } from '../../context.js';
import { plain } from '../../replies.js';

const COUNT_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

// "11th LAC review", "twelfth review": an ordinal past the tenth before a review. Without this it
// would be read as a bare "LAC review" and refused as a first review out of order.
const LATER_ORDINAL = String.raw`(?:(?:1[1-9]|[2-9]\d)(?:st|nd|rd|th)|eleventh|twelfth|thirteenth|fourteenth|fifteenth)`;
const BEYOND_TENTH = new RegExp(String.raw`\b${LATER_ORDINAL}\s+(?:(?:lac|laac|looked[-\s]after(?:\s+child(?:ren)?)?|child\s+care|care)\s+)?rev`, 'i');

const KEPT = `I keep the first ${COUNT_WORDS[LAC_REVIEW_KEYS.length - 1]} LAC reviews only, so a later one isn’t recorded here.`;

/** A review numbered past the ones kept ("11th LAC review"): said plainly, nothing recorded. */
export function reviewPastTheLast(said: string): string | null {
  return BEYOND_TENTH.test(said) ? `${KEPT} Nothing was recorded.` : null;
}

/**
 * A bare "LAC review" for a child who already had the last review kept: the reason it cannot be
 * recorded, rather than a refusal of it as a first review out of order.
 */
export async function afterTheLastReview(
  ctx: TurnContext,
  records: readonly MilestoneRecord[],
  settings: MilestoneSettings,
): Promise<string | null> {
  const existing = await loadMilestones(ctx, records.map((r) => r.caseRef));
  for (const record of records) {
    const last = lastReviewHad(record, existing.get(record.caseRef), settings.catalogue);
    if (!last) continue;
    const label = plain(labelMidSentence(labelOf(settings.catalogue, last.key)));
    return (
      `${record.caseRef} already has a ${label}, on ${dayLabel(last.date)}, and I keep the first ` +
      `${COUNT_WORDS[last.count - 1]} LAC reviews only, so a later one isn’t recorded here. Nothing was recorded.`
    );
  }
  return null;
}
