import type { Feature } from '../../registry.js';
import {
  ALERT_HAND_SAVE_VERB,
  ALERT_HAND_VERB,
  ALERT_SNOOZE_SAVE_VERB,
  ALERT_SNOOZE_VERB,
} from '../../../programme/alerts/drift-card.js';
import { openHand, openSnooze, saveHand, saveSnooze, noticeId } from './alert-actions.js';
import { snoozeForm, handForm } from './alert-forms.js';
import { alertsCommand } from './alert-commands.js';

/**
 * Drift alerts: a lead is told privately when a child passes their group's threshold, and can
 * snooze the alert with a reason or hand it to a member. The job is jobs/drift-alerts.ts.
 */
export const alertsFeature: Feature = {
  commands: [
    {
      words: ['alerts'],
      roles: ['lead'],
      usage: 'alerts [<group> after <n> weeks | <group> from aim]',
      example: 'alerts permanence-milestones after 30 weeks',
      summary: 'When I privately alert a group’s leads about a child waiting too long, and the alerts you hold.',
      run: alertsCommand,
    },
  ],
  actions: [
    { verb: ALERT_SNOOZE_VERB, run: openSnooze },
    {
      verb: ALERT_SNOOZE_SAVE_VERB,
      run: saveSnooze,
      // An identifier in the reason is refused beside the field, before anything is kept.
      form: (_ctx, data, values) => snoozeForm(noticeId(data), 'this child', values),
    },
    { verb: ALERT_HAND_VERB, run: openHand },
    { verb: ALERT_HAND_SAVE_VERB, run: saveHand, form: (_ctx, data) => handForm(noticeId(data), 'this child') },
  ],
};
