import type { Feature } from '../../registry.js';
import { card, text } from '../../replies.js';
import { CANCEL_VERB, CONFIRM_VERB, EDIT_VERB } from './confirm-card.js';
import { ANSWERED, confirmRecords } from './confirm-records.js';
import { EDIT_SAVE_VERB } from './edit-form.js';
import { milestoneSentence } from './milestone-sentence.js';
import { closePending } from './pending-records.js';
import { recordText } from './record-text.js';
import { openEdit, saveEdit } from './save-edit.js';
import { CATALOGUE_COMMANDS } from './catalogue-commands.js';
import { cancelCommand } from './cancel-command.js';

const pendingId = (data: Record<string, unknown>) =>
  typeof data.pending === 'string' ? data.pending : '';

/**
 * Milestone dates by conversation: a sentence in, a confirmation card out, and nothing stored until
 * the member confirms. Sentences reach it after every other feature's (see features.ts).
 */
export const milestonesFeature: Feature = {
  commands: [
    {
      words: ['milestone'],
      roles: ['member'],
      usage: 'milestone <case> <milestone> <date>',
      example: 'milestone C1042 accommodated 3 Oct',
      summary:
        'Record a milestone date (or just say it: "permanence panel for C1042 was yesterday"; ' +
        '"panel booked for C1042 on 12 Dec").',
      run: (ctx, rest) => recordText(ctx, rest),
    },
    ...CATALOGUE_COMMANDS,
    cancelCommand,
  ],
  actions: [
    { verb: CONFIRM_VERB, run: (ctx, data) => confirmRecords(ctx, pendingId(data)) },
    { verb: EDIT_VERB, run: (ctx, data) => openEdit(ctx, pendingId(data)) },
    { verb: EDIT_SAVE_VERB, run: (ctx, data, values) => saveEdit(ctx, pendingId(data), values) },
    {
      verb: CANCEL_VERB,
      async run(ctx, data) {
        if (!(await closePending(ctx, pendingId(data), 'cancelled'))) return [text(ANSWERED)];
        return [card({ title: 'Cancelled', sections: [{ text: 'Nothing was stored.' }] }, true)];
      },
    },
  ],
  sentences: [milestoneSentence],
};
