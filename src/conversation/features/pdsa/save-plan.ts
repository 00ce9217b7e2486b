import { foldOtherValues } from '../../../../cards/form-values.js';
import { linkedMeasureKeys } from './linked-measures.js';
import type { FormValues } from '../../../../cards/model.js';
import { ValidationError } from '../../../errors.js';
import type { PdsaCycle } from '../../../store/schemas/pdsa.js';
import type { TurnContext } from '../../context.js';
import { checkValues, formErrors, withInlineErrors } from '../../form-errors.js';
import { card } from '../../replies.js';
import type { Reply } from '../../turn.js';
import { seedChangeIdeas } from '../../../programme/change-ideas/seed-change-ideas.js';
import {
  asRead,
  changedMeanwhile,
  compact,
  cycleAudit,
  flushCycleAudit,
} from '../../../programme/pdsa/audit-cycle.js';
import { withoutPendingAudit } from '../../../programme/audit/pending-audit.js';
import { confirmCard } from './confirm-card.js';
import { baselineNote } from './baseline-note.js';
import { measureNamed } from './measure-names.js';
import { findCycle } from './find-cycle.js';
import { localToday } from '../../../programme/local-date.js';
import { openPlanForm } from './open-plan-form.js';
import { requireCycleEditor } from './permissions.js';
import { checkablePrediction } from './checkable-prediction.js';
import { CURRENT_IDEA, type PlanMode } from './plan-form.js';
import { type PlanInput, PlanInputSchema } from './plan-input.js';
import { resolvePerson } from '../../resolve-person.js';
import type { Member } from '../../../store/schemas/member.js';

type PlanSubmit = { number?: number; previous?: number };

/** What a submission of the Plan form is for: a new cycle, the next of a ramp, or an edit (if allowed). */
async function planModeOf(ctx: TurnContext, submit: PlanSubmit) {
  const editing = submit.number ? await findCycle(ctx, submit.number) : undefined;
  if (editing) await requireCycleEditor(ctx, editing);
  const previous = !editing && submit.previous ? await findCycle(ctx, submit.previous) : undefined;
  const mode: PlanMode = editing
    ? { kind: 'edit', cycle: editing }
    : previous
      ? { kind: 'ramp', previous }
      : { kind: 'new' };
  return { editing, previous, mode };
}

/** The Plan form again, filled with what was submitted, to show a refusal beside its field. */
export async function planFormAgain(ctx: TurnContext, submit: PlanSubmit, typed: FormValues) {
  return openPlanForm(ctx, { mode: (await planModeOf(ctx, submit)).mode, typed });
}

/** The Plan form's submission: creates a cycle (T-<n>), the next cycle of a ramp, or edits a plan. */
export async function savePlanForm(
  ctx: TurnContext,
  submit: PlanSubmit,
  raw: FormValues,
): Promise<Reply[]> {
  const { editing, previous, mode } = await planModeOf(ctx, submit);
  const again = () => openPlanForm(ctx, { mode, typed: raw });
  const checked = checkValues(PlanInputSchema, foldOtherValues(raw));
  if (checked.errors) return [formErrors(checked.errors, await again())];
  return withInlineErrors(again, async () => {
    const fields = await resolveFields(ctx, checked.data, editing ?? previous);
    const saved = editing
      ? await updatePlan(ctx, editing, fields)
      : await createCycle(ctx, fields, previous);
    const predicted = saved.plan.checkable ? await measureNamed(ctx, saved.plan.checkable.measureKey) : undefined;
    const confirmed = confirmCard(saved, 'plan', !!editing, predicted);
    const note = await baselineNote(ctx, saved);
    return [card({ ...confirmed, sections: [...(confirmed.sections ?? []), ...note] })];
  });
}

type PlanFields = Pick<
  PdsaCycle,
  'title' | 'changeIdea' | 'groupKey' | 'ownerId' | 'ownerName' | 'plan' | 'linkedMeasures'
> & { changeIdeaId?: string };

async function resolveFields(
  ctx: TurnContext,
  input: PlanInput,
  source: PdsaCycle | undefined,
): Promise<PlanFields> {
  const group = await ctx.store.groups.findOne({ key: input.groupKey });
  if (!group)
    throw new ValidationError('unknown_group', 'Choose one of the aim groups in the list.', {
      field: 'groupKey',
    });
  const owner = await planOwner(ctx, input.ownerId?.split(',')[0]?.trim());
  const ownerId = owner?.userId ?? ctx.turn.user.id;
  // Everything the form has beyond these is a field of the worksheet's Plan.
  const {
    title,
    changeIdea,
    groupKey,
    ownerId: _picked,
    linkedMeasures: _linked,
    predictDirection: _direction,
    predictAmount: _amount,
    predictBy: _by,
    predictMeasure: _measure,
    ...plan
  } = input;
  const named = await linkedMeasureKeys(ctx, input.linkedMeasures);
  // The prediction's measure, named like the linked ones, is refused beside its own field if unknown.
  const predicted = input.predictMeasure
    ? await linkedMeasureKeys(ctx, [input.predictMeasure]).catch((error: unknown) => {
        if (error instanceof ValidationError) throw new ValidationError(error.code, error.userMessage, { field: 'predictMeasure' });
        throw error;
      })
    : [];
  const { checkable, linkedMeasures } = checkablePrediction(
    { ...input, linkedMeasures: named, ...(predicted[0] ? { predictMeasure: predicted[0] } : {}) },
    localToday(ctx),
  );
  return {
    title,
    ...(await resolveIdea(ctx, changeIdea, source)),
    groupKey,
    ownerId,
    ownerName: owner?.name ?? ownerId,
    plan: compact({ ...plan, checkable }),
    linkedMeasures,
  };
}

/** A library key becomes the entry's title and key; anything else is the user's own idea, as typed. */
async function resolveIdea(
  ctx: TurnContext,
  said: string,
  source: PdsaCycle | undefined,
): Promise<{ changeIdea: string; changeIdeaId?: string }> {
  if (said === CURRENT_IDEA) {
    if (!source)
      throw new ValidationError(
        'no_idea',
        'Pick the change idea you are testing, or type your own.',
        { field: 'changeIdea' },
      );
    return compact({ changeIdea: source.changeIdea, changeIdeaId: source.changeIdeaId });
  }
  // The library may never have been read in this workspace (a form opened from another surface).
  await seedChangeIdeas(ctx.store, ctx.now);
  const idea = await ctx.store.changeIdeas.findOne({ key: said });
  return idea ? { changeIdea: idea.title, changeIdeaId: idea.key } : { changeIdea: said };
}

async function createCycle(
  ctx: TurnContext,
  fields: PlanFields,
  previous: PdsaCycle | undefined,
): Promise<PdsaCycle> {
  const number = await ctx.store.nextSequence('pdsa');
  const cycle: Omit<PdsaCycle, 'workspaceId'> = {
    number,
    ...fields,
    stage: 'plan',
    ...(previous ? { previousNumber: previous.number } : {}),
    rampPosition: previous ? previous.rampPosition + 1 : 1,
    startedOn: fields.plan.startOn ?? localToday(ctx),
    notes: [],
    stageDates: { plan: ctx.now },
    version: 0,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const carried = { ...cycle, pendingAudit: cycleAudit(ctx, number, 'create', null, cycle) };
  const { insertedId } = await ctx.store.pdsa.insertOne(carried);
  const stored = { ...carried, _id: insertedId, workspaceId: ctx.store.workspaceId };
  await flushCycleAudit(ctx, stored);
  return { ...cycle, _id: insertedId, workspaceId: ctx.store.workspaceId };
}

async function updatePlan(
  ctx: TurnContext,
  before: PdsaCycle,
  fields: PlanFields,
): Promise<PdsaCycle> {
  // Once carried out, the Do date is the start the charts show; before that, the planned start.
  const startedOn = before.do ? before.startedOn : (fields.plan.startOn ?? before.startedOn);
  await flushCycleAudit(ctx, before);
  const changes = { ...fields, ...(startedOn ? { startedOn } : {}), updatedAt: ctx.now };
  const { changeIdeaId: _dropped, ...kept } = before;
  const expected = { ...(fields.changeIdeaId ? before : kept), ...changes, version: before.version + 1 };
  const after = await ctx.store.pdsa.findOneAndUpdate(asRead(before), {
    $set: { ...changes, pendingAudit: cycleAudit(ctx, before.number, 'edit_plan', before, expected) },
    $inc: { version: 1 },
    ...(fields.changeIdeaId ? {} : { $unset: { changeIdeaId: '' } }),
  });
  if (!after) throw changedMeanwhile(before.number);
  await flushCycleAudit(ctx, after);
  return withoutPendingAudit(after) as PdsaCycle;
}

/**
 * The test's owner from the form: a platform picker gives a user id, the local chat's text field a
 * name as people know them; either resolves to a member, and a problem is shown by the field.
 */
async function planOwner(ctx: TurnContext, said: string | undefined): Promise<Member | null> {
  if (!said) return ctx.store.members.findOne({ userId: ctx.turn.user.id });
  try {
    return await resolvePerson(ctx, said);
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ValidationError(error.code, error.userMessage, { field: 'ownerId', cause: error });
    }
    throw error;
  }
}
