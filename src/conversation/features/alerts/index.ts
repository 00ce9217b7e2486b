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
import { alertTyped, handTyped } from './alert-typed.js';

/**
 * Drift alerts: a lead is told privately when a child passes their group's threshold, and can
 * snooze the alert with a reason or hand it to a member, by its buttons or typed (`snooze <case> …`
 * is matched by the reminders' `snooze`, which passes it here). The job is jobs/drift-alerts.ts.
 */
export const alertsFeature: Feature = {
  commands: [
    {
      words: ['alerts'],
      roles: ['lead'],
      usage: 'alerts [<group> after <n> weeks | <group> from aim]',
      example: 'alerts permanence-milestones after 30 weeks',
      summary: "The drift alerts you can act on (counted only, in a channel), and when I privately alert a group's leads about a child waiting too long.",
      run: alertsCommand,
    },
    {
      words: ['alert'],
      roles: ['lead'],
      usage: 'alert <case> snooze <n> weeks "<reason>" | alert <case> hand to @person',
      example: 'alert C1042 hand to @Sam',
      colleagueEmails: true,
      summary: 'Snooze a drift alert for a reason, or hand it to a member, as its buttons do. Also `snooze C1042 4 weeks "awaiting court date"`.',
      run: alertTyped,
    },
    {
      words: ['hand', 'on'],
      roles: ['lead'],
      usage: 'hand on <case> to @person',
      example: 'hand on C1042 to @Sam',
      colleagueEmails: true,
      summary: 'Hand a drift alert to a member: they get it privately.',
      run: handTyped,
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
