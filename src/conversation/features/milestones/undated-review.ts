import { findCaseReferences, uniqueCaseRefs } from '../../../domain/case-reference.js';
import { labelMidSentence, LAC_REVIEW_KEYS } from '../../../domain/milestone-catalogue.js';
import { findMilestones } from '../../../domain/milestone-parsing/find-milestones.js';
import { parseMilestoneStatement } from '../../../domain/parse-milestone.js';
import { dayLabel } from '../../../programme/cases/day-format.js';
import { loadMilestones } from '../../../programme/cases/load-milestones.js';
import { labelOf, type MilestoneSettings } from '../../../programme/cases/milestone-settings.js';
import { reviewAfterLatest } from '../../../programme/cases/next-lac-review.js';
import type { TurnContext } from '../../context.js';
import { plain } from '../../replies.js';

/**
 * "C1042 LAC review" with no date, for a child who already had reviews: the "but not when" reply
 * names the review it would be, the one after the latest held — the same review the sentence is
 * read as once a date is added (next-lac-review.ts), so the example to copy records the right one.
 * Null when the sentence is not a bare review for one child who had one, so the parser's reply
 * stands.
 */
export async function undatedReviewAsNext(
  ctx: TurnContext,
  said: string,
  settings: MilestoneSettings,
): Promise<string | null> {
  // The parser's reply names the first milestone it counted: only a bare review there is re-read.
  const mention = findMilestones(said, settings.catalogue).find((m) => m.strength !== 'other');
  if (!mention || mention.strength !== 'generic' || !LAC_REVIEW_KEYS.includes(mention.key)) return null;
  const refs = uniqueCaseRefs(findCaseReferences(said, settings.pattern));
  // Children named together may be due different reviews: one example cannot show them all.
  if (refs.length !== 1) return null;
  const [ref] = refs as [string];
  const held = (await loadMilestones(ctx, refs)).get(ref);
  const next = reviewAfterLatest(mention.key, held, settings.catalogue);
  if (!next) return null;
  const label = (key: string) => labelOf(settings.catalogue, key);
  const named = `${said.slice(0, mention.start)}${label(next.key)}${said.slice(mention.end)}`;
  const reread = parseMilestoneStatement(named, settings);
  if (reread.ok || reread.error !== 'no_date') return null;
  const mid = (key: string) => plain(labelMidSentence(label(key)));
  return (
    `${ref} already had a ${mid(next.after)} on ${dayLabel(next.afterDate)}, so I’ll take this as ` +
    `the *${mid(next.key)}*.\n${plain(reread.message)}`
  );
}
