import { SNOOZE_VERB } from '../../../reminders/reminder-cards.js';
import type { Feature } from '../../registry.js';
import { namesCaseFirst, snoozeTyped, withoutQuotes } from '../alerts/alert-typed.js';
import { text } from '../../replies.js';
import { reminderStatus, setAway, setBack, snooze } from './away.js';

/** Reminders: see them, snooze them, or say you are away (no reminders while away). */
export const remindersFeature: Feature = {
  commands: [
    {
      words: ['reminders'],
      roles: ['member'],
      usage: 'reminders',
      example: 'reminders',
      summary: 'What I remind you of, and whether reminders are on.',
      run: async (ctx) => [text(reminderStatus(ctx))],
    },
    {
      words: ['snooze'],
      roles: ['member'],
      usage: 'snooze [<n> days|a week]',
      example: 'snooze 3 days',
      summary: 'No reminders for a while (a week unless you say).',
      // `snooze C1042 4 weeks "…"` names a child first: that is a drift alert's snooze.
      run: async (ctx, rest) => (namesCaseFirst(ctx, rest) ? snoozeTyped(ctx, rest) : [text(await snooze(ctx, withoutQuotes(rest)))]),
    },
    {
      words: ['away'],
      roles: ['member'],
      usage: 'away until <date>',
      example: 'away until 12 Apr',
      summary: 'No reminders while you are away.',
      run: async (ctx, rest) => [text(await setAway(ctx, rest))],
    },
    {
      words: ['back'],
      roles: ['member'],
      usage: 'back',
      example: 'back',
      summary: 'Reminders on again.',
      run: async (ctx) => [text(await setBack(ctx))],
    },
  ],
  actions: [
    {
      verb: SNOOZE_VERB,
      run: async (ctx, data) => {
        const days = Number(data.days) > 0 ? Number(data.days) : 7;
        return [text(await snooze(ctx, '', days))];
      },
    },
  ],
};
