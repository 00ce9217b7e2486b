import type { Card } from '../../../../cards/model.js';
import {
  HAPPENED_MOVED_SAVE_VERB,
  HAPPENED_MOVED_VERB,
  HAPPENED_OTHER_SAVE_VERB,
  HAPPENED_OTHER_VERB,
} from '../../../programme/nudges/happened-card.js';

/** One date, for "Yes, on another day…" (it happened) or "Moved to…" (the new plan). */
export function answerForm(noticeId: string, question: string, moved: boolean, value?: string): Card {
  const data = { notice: noticeId };
  return {
    title: question,
    sections: [{ text: 'You’ll see what I understood before anything is stored.' }],
    form: {
      id: moved ? 'happened-moved' : 'happened-other',
      title: moved ? 'Moved to…' : 'When did it happen?',
      inputs: [
        {
          kind: 'date',
          id: 'date',
          label: moved ? 'New planned date' : 'The day it happened',
          required: true,
          ...(value && { value }),
        },
      ],
      submitLabel: 'Check',
      submit: { verb: moved ? HAPPENED_MOVED_SAVE_VERB : HAPPENED_OTHER_SAVE_VERB, data },
      openAction: { verb: moved ? HAPPENED_MOVED_VERB : HAPPENED_OTHER_VERB, data },
    },
  };
}
