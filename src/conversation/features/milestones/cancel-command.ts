import { labelMidSentence } from '../../../domain/milestone-catalogue.js';
import { dayLabel } from '../../../programme/cases/day-format.js';
import { labelOf, milestoneSettings } from '../../../programme/cases/milestone-settings.js';
import type { Command } from '../../registry.js';
import { plain, text } from '../../replies.js';
import { closePending, openQuestions } from './pending-records.js';

/**
 * `cancel` typed instead of pressing Cancel: a tired person on a phone types it under a card that
 * scrolled away. It closes their newest open milestone question (the one they last sent), exactly as
 * the button does, and says which, so the other questions still waiting are not a surprise.
 */
export const cancelCommand: Command = {
  words: ['cancel'],
  roles: ['member'],
  usage: 'cancel',
  example: 'cancel',
  summary: 'Cancel the dates you sent last, before they are confirmed (the same as pressing Cancel).',
  async run(ctx) {
    const [newest, ...others] = await openQuestions(ctx);
    if (!newest) return [text('There are no dates waiting for you to confirm, so there is nothing to cancel.')];
    const closed = await closePending(ctx, String(newest._id), 'cancelled');
    // Confirmed or cancelled on another device in the meantime: nothing of it is left to cancel.
    if (!closed) return [text('Those dates were answered a moment ago, so there is nothing to cancel.')];
    const { catalogue } = milestoneSettings(ctx);
    const what = closed.records
      .map((r) => `${r.caseRef} ${plain(labelMidSentence(labelOf(catalogue, r.milestone)))} ${r.planned ? 'planned for' : 'on'} ${dayLabel(r.date)}`)
      .join('; ');
    const more = others.length > 0 ? ` ${others.length} more ${others.length === 1 ? 'is' : 'are'} still waiting: press Cancel on ${others.length === 1 ? 'it' : 'them'}, or type \`cancel\` again.` : '';
    return [text(`Cancelled: ${what}. Nothing was stored.${more}`)];
  },
};
