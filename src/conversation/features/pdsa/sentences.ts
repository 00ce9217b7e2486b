import type { SentenceInterpreter } from '../../registry.js';
import { card, form } from '../../replies.js';
import { cycleCard } from './cycle-card.js';
import { findCycle } from './find-cycle.js';
import { openPlanForm } from './open-plan-form.js';

const NEW_TEST =
  /^(?:(?:please|i want to|i'd like to|i would like to|can i|let's|lets)\s+)?(?:new|start|log|add|record|create|begin|plan)\s+(?:a\s+|an\s+|another\s+)?(?:new\s+)?(?:test of change|pdsa(?:\s+cycle|\s+test)?)[.!?]?$/i;
// Only the hyphenated or # form on its own: "T1042" could be a case reference.
const BARE_ID = /^(?:t-|#)(\d{1,7})$/i;

/** "new test of change", "log a pdsa" -> the Plan form; a bare "T-12" -> that cycle. */
export const pdsaSentences: SentenceInterpreter = {
  name: 'pdsa',
  async run(ctx, text) {
    const said = text.trim();
    if (NEW_TEST.test(said)) return [form(await openPlanForm(ctx, { mode: { kind: 'new' } }))];
    if (BARE_ID.test(said)) return [card(await cycleCard(ctx, await findCycle(ctx, said)))];
    return null;
  },
};
