import { DateTime } from 'luxon';
import type { Card } from '../../../cards/model.js';
import type { MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import { milestoneNoun } from '../cases/day-format.js';

export const HAPPENED_YES_VERB = 'happened.yes';
export const HAPPENED_OTHER_VERB = 'happened.other';
export const HAPPENED_OTHER_SAVE_VERB = 'happened.other.save';
export const HAPPENED_MOVED_VERB = 'happened.moved';
export const HAPPENED_MOVED_SAVE_VERB = 'happened.moved.save';

/** "Fri 18 Dec": the plan passed days ago, so the weekday and date are enough. */
const shortDay = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setLocale('en-GB').toFormat('ccc d LLL');

/** "C1090's permanence panel was planned for Fri 18 Dec — did it happen?" */
export function happenedQuestion(
  plan: { caseRef: string; milestone: string; planned: string },
  catalogue: MilestoneCatalogue,
): string {
  return `${plan.caseRef}'s ${milestoneNoun(catalogue, plan.milestone)} was planned for ${shortDay(plan.planned)} — did it happen?`;
}

/**
 * The question to whoever recorded a plan, the morning after its date passed: three answers, each
 * leading to the usual "Check before I save" card, so nothing is stored until they confirm.
 */
export function happenedCard(
  plan: { noticeId: string; caseRef: string; milestone: string; planned: string },
  catalogue: MilestoneCatalogue,
): Card {
  const data = { notice: plan.noticeId };
  return {
    title: happenedQuestion(plan, catalogue),
    sections: [
      {
        text:
          'You recorded this plan, so I’m asking you. Whatever you answer, I’ll show you what I ' +
          'understood before I save anything.',
      },
    ],
    buttons: [
      { id: 'happened_yes', label: 'Yes, on that day', style: 'primary', action: { verb: HAPPENED_YES_VERB, data } },
      { id: 'happened_other', label: 'Yes, on another day…', action: { verb: HAPPENED_OTHER_VERB, data } },
      { id: 'happened_moved', label: 'Moved to…', action: { verb: HAPPENED_MOVED_VERB, data } },
    ],
  };
}
