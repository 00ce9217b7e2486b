import type { Card } from '../../../../cards/model.js';
import {
  ALERT_HAND_SAVE_VERB,
  ALERT_HAND_VERB,
  ALERT_SNOOZE_SAVE_VERB,
  ALERT_SNOOZE_VERB,
} from '../../../programme/alerts/drift-card.js';

export const SNOOZE_WEEKS = [2, 4, 8, 12, 26];

/** Snooze: for how long, and why (required: the next lead, and the audit, need the reason). */
export function snoozeForm(noticeId: string, caseRef: string, values: Record<string, string> = {}): Card {
  const data = { notice: noticeId };
  return {
    title: `Snooze the alert for ${caseRef}`,
    sections: [{ text: 'I won’t mention this child again until then; if they are still waiting, I’ll tell you once more.' }],
    form: {
      id: 'alert-snooze',
      title: 'Snooze alert',
      inputs: [
        {
          kind: 'text',
          id: 'reason',
          label: 'Why is the wait expected?',
          placeholder: 'awaiting court date',
          required: true,
          maxLength: 200,
          hint: 'No names or dates of birth: the reason is kept in the audit trail.',
          ...(values.reason !== undefined && { value: values.reason }),
        },
        {
          kind: 'choice',
          id: 'weeks',
          label: 'For how long?',
          options: SNOOZE_WEEKS.map((w) => ({ value: String(w), label: `${w} weeks` })),
          value: values.weeks ?? '4',
          required: true,
        },
      ],
      submitLabel: 'Snooze',
      submit: { verb: ALERT_SNOOZE_SAVE_VERB, data },
      openAction: { verb: ALERT_SNOOZE_VERB, data },
    },
  };
}

/** Hand on: the member who will follow it up gets the alert privately. */
export function handForm(noticeId: string, caseRef: string): Card {
  const data = { notice: noticeId };
  return {
    title: `Hand the alert for ${caseRef} to a member`,
    sections: [{ text: 'They get this alert in a direct message and can snooze it or hand it on.' }],
    form: {
      id: 'alert-hand',
      title: 'Hand to a member',
      inputs: [{ kind: 'people', id: 'member', label: 'Who should follow it up?', required: true }],
      submitLabel: 'Hand over',
      submit: { verb: ALERT_HAND_SAVE_VERB, data },
      openAction: { verb: ALERT_HAND_VERB, data },
    },
  };
}
