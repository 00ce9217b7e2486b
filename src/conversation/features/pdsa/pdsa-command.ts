import { ValidationError } from '../../../errors.js';
import { splitArgs } from '../../match-command.js';
import type { Command } from '../../registry.js';
import { card, form, plain, text } from '../../replies.js';
import { addNote } from './add-note.js';
import { cycleCard } from './cycle-card.js';
import { listCycles } from './cycle-list.js';
import { findCycle } from './find-cycle.js';
import { openPlanForm } from './open-plan-form.js';
import { requireCycleEditor } from './permissions.js';
import { openStageForm } from './save-stage.js';
import { RECORDABLE_STAGES, type RecordableStage } from './stage-input.js';

/** `pdsa T-12 [do|study|act|edit|note <text>]`; plain `pdsa` lists the user's tests. */
export const pdsaCommand: Command = {
  words: ['pdsa'],
  roles: ['member'],
  usage: 'pdsa <T-n> [do|study|act|edit|note <text>]',
  example: 'pdsa T-12 study',
  summary: 'Show a test of change, record its next stage, edit it or add a note.',
  async run(ctx, rest) {
    const [said, verb, ...more] = splitArgs(rest);
    if (!said) return [text(await listCycles(ctx, ''))];
    const action = verb?.toLowerCase();
    if (!action) return [card(await cycleCard(ctx, await findCycle(ctx, said)))];
    if (RECORDABLE_STAGES.includes(action as RecordableStage))
      return [form(await openStageForm(ctx, said, action as RecordableStage))];
    if (action === 'note' || action === 'notes') {
      const words = rest.trim().replace(/^\S+\s+notes?\s*/i, '');
      return [text(await addNote(ctx, said, words))];
    }
    if (action === 'edit') {
      const stage = more[0]?.toLowerCase();
      if (stage && RECORDABLE_STAGES.includes(stage as RecordableStage))
        return [form(await openStageForm(ctx, said, stage as RecordableStage))];
      const cycle = await findCycle(ctx, said);
      await requireCycleEditor(ctx, cycle);
      return [form(await openPlanForm(ctx, { mode: { kind: 'edit', cycle } }))];
    }
    throw new ValidationError(
      'unknown_pdsa_verb',
      `I can do \`do\`, \`study\`, \`act\`, \`edit\` or \`note <text>\` for a test, e.g. \`pdsa ${plain(said)} study\`. To see it: \`pdsa ${plain(said)}\`.`,
    );
  },
};
