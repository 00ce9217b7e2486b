import type { ActionHandler } from '../../registry.js';
import { card, form } from '../../replies.js';
import { cycleCard } from './cycle-card.js';
import { findCycle, numberFrom } from './find-cycle.js';
import { openPlanForm } from './open-plan-form.js';
import { requireCycleEditor } from './permissions.js';
import { planFormAgain, savePlanForm } from './save-plan.js';
import { openStageForm, saveStageForm, stageFormAgain } from './save-stage.js';
import { RECORDABLE_STAGES, type RecordableStage } from './stage-input.js';

const optionalNumber = (value: unknown) =>
  value === undefined || value === null || value === '' ? undefined : numberFrom({ n: value }, 'n');

/** Buttons on PDSA cards and the submissions of the PDSA forms. */
export const pdsaActions: ActionHandler[] = [
  {
    // `from`: the next cycle of that ramp; `after`: a different idea in that cycle's group; `idea`: a library pick.
    verb: 'pdsa.new',
    async run(ctx, data) {
      const from = optionalNumber(data.from);
      if (from)
        return [
          form(
            await openPlanForm(ctx, {
              mode: { kind: 'ramp', previous: await findCycle(ctx, from) },
            }),
          ),
        ];
      const after = optionalNumber(data.after);
      const sameGroupAs = after ? await findCycle(ctx, after) : undefined;
      const ideaKey = typeof data.idea === 'string' ? data.idea : undefined;
      return [
        form(
          await openPlanForm(ctx, {
            mode: { kind: 'new' },
            ...(sameGroupAs ? { sameGroupAs } : {}),
            ...(ideaKey ? { ideaKey } : {}),
          }),
        ),
      ];
    },
  },
  {
    verb: 'pdsa.plan.save',
    form: (ctx, data, values) =>
      planFormAgain(ctx, { number: optionalNumber(data.number), previous: optionalNumber(data.previous) }, values),
    run: (ctx, data, values) =>
      savePlanForm(
        ctx,
        { number: optionalNumber(data.number), previous: optionalNumber(data.previous) },
        values,
      ),
  },
  {
    verb: 'pdsa.edit',
    async run(ctx, data) {
      const cycle = await findCycle(ctx, numberFrom(data));
      await requireCycleEditor(ctx, cycle);
      return [form(await openPlanForm(ctx, { mode: { kind: 'edit', cycle } }))];
    },
  },
  {
    verb: 'pdsa.stage',
    async run(ctx, data) {
      const stage = RECORDABLE_STAGES.find((s) => s === data.stage) ?? 'do';
      return [form(await openStageForm(ctx, numberFrom(data), stage))];
    },
  },
  {
    verb: 'pdsa.show',
    run: async (ctx, data) => [card(await cycleCard(ctx, await findCycle(ctx, numberFrom(data))))],
  },
  ...RECORDABLE_STAGES.map(
    (stage: RecordableStage): ActionHandler => ({
      verb: `pdsa.${stage}.save`,
      form: (ctx, data, values) => stageFormAgain(ctx, stage, numberFrom(data), values),
      run: (ctx, data, values) => saveStageForm(ctx, stage, numberFrom(data), values),
    }),
  ),
];
