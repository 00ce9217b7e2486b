import type { Feature } from '../../registry.js';
import { form, text } from '../../replies.js';
import { listCycles } from './cycle-list.js';
import { openPlanForm } from './open-plan-form.js';
import { pdsaActions } from './pdsa-actions.js';
import { pdsaCommand } from './pdsa-command.js';
import { pdsaSentences } from './sentences.js';
import { predictionsCommand } from './predictions-command.js';

/** Tests of change: PDSA cycles from plan to decision, their ramps, notes and lists. */
export const pdsaFeature: Feature = {
  commands: [
    {
      words: ['pdsa', 'new'],
      roles: ['member'],
      usage: 'pdsa new',
      example: 'pdsa new',
      summary: 'Plan a test of change (opens the PDSA Plan form).',
      run: async (ctx) => [form(await openPlanForm(ctx, { mode: { kind: 'new' } }))],
    },
    {
      words: ['pdsa', 'list'],
      roles: ['member'],
      usage: 'pdsa list [all|group <group>] [status plan|do|study|act|open]',
      example: 'pdsa list status study',
      summary: 'List tests of change (yours unless you say otherwise).',
      run: async (ctx, rest) => [text(await listCycles(ctx, rest))],
    },
    {
      // What the home page calls them ("Your tests of change"); help lists it once, under `pdsa list`.
      words: ['my', 'tests'],
      roles: ['member'],
      usage: 'pdsa list [all|group <group>] [status plan|do|study|act|open]',
      example: 'pdsa list status study',
      summary: 'List tests of change (yours unless you say otherwise).',
      run: async (ctx, rest) => [text(await listCycles(ctx, rest.replace(/^of\s+change\b\s*/i, '')))],
    },
    pdsaCommand,
    {
      words: ['predictions'],
      roles: ['lead', 'coach'],
      usage: 'predictions [group <group>]',
      example: 'predictions group permanence-milestones',
      summary: "Each group's checkable predictions (from PDSA plans) and how often they were met, over time: for learning, not a league table.",
      run: (ctx, rest) => predictionsCommand(ctx, rest),
    },
  ],
  actions: pdsaActions,
  sentences: [pdsaSentences],
};
