import type { Card } from '../../../cards/model.js';
import { plain } from '../../../cards/plain-text.js';
import { labelMidSentence, type MilestoneCatalogue } from '../../domain/milestone-catalogue.js';
import { weeksAndDays } from '../../domain/past-aim.js';
import { dayLabel, milestoneNoun } from '../cases/day-format.js';
import { labelOf } from '../cases/milestone-settings.js';
import type { Actor } from '../../store/schemas/common.js';

export const ALERT_SNOOZE_VERB = 'alert.snooze';
export const ALERT_SNOOZE_SAVE_VERB = 'alert.snooze.save';
export const ALERT_HAND_VERB = 'alert.hand';
export const ALERT_HAND_SAVE_VERB = 'alert.hand.save';

export interface DriftCardInput {
  noticeId: string;
  caseRef: string;
  groupName: string;
  from: string;
  to: string;
  startedOn: string;
  days: number;
  weeks: number;
  /** Whether the weeks are the aim's or the group's own. */
  source: 'aim' | 'group';
  /** The display name of whoever recorded the case's last date, when known. */
  lastRecordedBy: string | null;
  handedBy?: Actor;
}

/**
 * The private alert to an aim group's lead (or the member it was handed to): which child, at which
 * stage, how long they have waited against the group's time, and who last recorded a date, with a
 * way to snooze it for a reason or hand it on. Only ever sent in a direct message.
 */
export function driftCard(input: DriftCardInput, catalogue: MilestoneCatalogue): Card {
  const to = labelMidSentence(labelOf(catalogue, input.to));
  const from = milestoneNoun(catalogue, input.from);
  const whose = input.source === 'group' ? 'the group’s alert time' : 'the aim';
  const data = { notice: input.noticeId };
  const handed = input.handedBy
    ? [{ text: `${plain(input.handedBy.name)} handed this to you to follow up.` }]
    : [];
  return {
    title: `${input.caseRef} has waited ${weeksAndDays(input.days)} for ${to}`,
    sections: [
      ...handed,
      {
        facts: [
          { label: 'Case', value: input.caseRef },
          { label: 'Aim group', value: plain(input.groupName) },
          {
            label: 'Stage',
            value: `${plain(labelOf(catalogue, input.from))} on ${dayLabel(input.startedOn)}, no ${plain(to)} yet`,
          },
          {
            label: 'Waiting',
            value: `${weeksAndDays(input.days)} since ${plain(from)} (${whose}: ${input.weeks} weeks)`,
          },
          { label: 'Last date recorded by', value: input.lastRecordedBy ? plain(input.lastRecordedBy) : 'not known' },
        ],
      },
      {
        text:
          'This comes to you privately: I never name a child in a channel. If the wait has a reason, ' +
          'snooze it and say why; or hand it to someone who can follow it up.',
      },
    ],
    buttons: [
      { id: 'alert_snooze', label: 'Snooze with a reason…', action: { verb: ALERT_SNOOZE_VERB, data } },
      { id: 'alert_hand', label: 'Hand to a member…', action: { verb: ALERT_HAND_VERB, data } },
    ],
  };
}
