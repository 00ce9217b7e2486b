import type { Feature } from '../../registry.js';
import {
  HAPPENED_MOVED_SAVE_VERB,
  HAPPENED_MOVED_VERB,
  HAPPENED_OTHER_SAVE_VERB,
  HAPPENED_OTHER_VERB,
  HAPPENED_YES_VERB,
} from '../../../programme/nudges/happened-card.js';
import { answerForm } from './answer-forms.js';
import { happenedThatDay, noticeId, openAnswer, saveAnswer } from './answer-happened.js';

/**
 * "Did it happen?": the buttons on the question sent the morning after a planned date passed (see
 * programme/nudges). Each answer becomes the usual confirmation card for a milestone date.
 */
export const nudgesFeature: Feature = {
  actions: [
    { verb: HAPPENED_YES_VERB, run: (ctx, data) => happenedThatDay(ctx, data) },
    { verb: HAPPENED_OTHER_VERB, run: (ctx, data) => openAnswer(ctx, data, false) },
    { verb: HAPPENED_MOVED_VERB, run: (ctx, data) => openAnswer(ctx, data, true) },
    {
      verb: HAPPENED_OTHER_SAVE_VERB,
      run: (ctx, data, values) => saveAnswer(ctx, data, values, false),
      form: (_ctx, data) => answerForm(noticeId(data), 'When did it happen?', false),
    },
    {
      verb: HAPPENED_MOVED_SAVE_VERB,
      run: (ctx, data, values) => saveAnswer(ctx, data, values, true),
      form: (_ctx, data) => answerForm(noticeId(data), 'Moved to…', true),
    },
  ],
};
