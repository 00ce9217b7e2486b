import type { Card } from '../../../../cards/model.js';
import { NotFoundError } from '../../../errors.js';
import type { TurnContext } from '../../context.js';
import { activeIdeas } from '../change-ideas/idea-library.js';
import { listMeasures } from '../../../programme/measures/measure-catalogue.js';
import { type PlanMode, planForm } from './plan-form.js';
import { ideaChoiceOf, planValuesOf, rampValuesOf } from './plan-values.js';

export interface PlanFormRequest {
  mode: PlanMode;
  /** What the user typed, when the form comes back with errors; otherwise the form is pre-filled. */
  typed?: Record<string, string>;
  /** Pre-select this library entry (from an idea card's "Test this idea"). */
  ideaKey?: string;
  /** Start from this cycle's group and measures (after an abandoned idea). */
  sameGroupAs?: { groupKey: string; linkedMeasures: string[] };
}

/** Builds the Plan form with the library, the groups and sensible defaults for this user. */
export async function openPlanForm(ctx: TurnContext, request: PlanFormRequest): Promise<Card> {
  const groups = await ctx.store.groups.find({}, { sort: { name: 1 } }).toArray();
  if (groups.length === 0) {
    throw new NotFoundError(
      'There are no aim groups yet, and every test belongs to one. An admin can add one with `group new`.',
      'no_groups',
    );
  }
  const ideas = await activeIdeas(ctx);
  const { mode } = request;
  const source =
    mode.kind === 'edit' ? mode.cycle : mode.kind === 'ramp' ? mode.previous : undefined;
  const choice = source ? ideaChoiceOf(source, ideas) : undefined;
  const values = request.typed ?? {
    ...defaults(ctx, groups),
    ...(request.sameGroupAs
      ? {
          groupKey: request.sameGroupAs.groupKey,
          linkedMeasures: request.sameGroupAs.linkedMeasures.join(', '),
        }
      : {}),
    ...(request.ideaKey && ideas.some((idea) => idea.key === request.ideaKey)
      ? { changeIdea: request.ideaKey }
      : {}),
    ...(mode.kind === 'edit' ? planValuesOf(mode.cycle) : {}),
    ...(mode.kind === 'ramp' ? rampValuesOf(mode.previous, ctx.turn.user.id) : {}),
    ...(choice ? { changeIdea: choice.value } : {}),
  };
  return planForm({
    mode,
    ideas,
    groups,
    values: request.typed ? values : await withMeasureNames(ctx, values),
    ...(choice?.currentLabel ? { currentIdeaLabel: choice.currentLabel } : {}),
    ...(await ownerNameOf(ctx, values.ownerId)),
  });
}

/** Linked measures shown by name, as the form asks for them, not by key. */
async function withMeasureNames(ctx: TurnContext, values: Record<string, string>): Promise<Record<string, string>> {
  if (!values.linkedMeasures) return values;
  const measures = await listMeasures(ctx.store, ctx.now);
  const names = values.linkedMeasures
    .split(/\s*,\s*/)
    .filter(Boolean)
    .map((key) => measures.find((m) => m.key === key)?.name ?? key);
  return { ...values, linkedMeasures: names.join(', ') };
}

/** The user owns the test, in their group if they are in exactly one. */
function defaults(
  ctx: TurnContext,
  groups: { key: string; members: string[]; leads: string[]; coaches: string[] }[],
): Record<string, string> {
  const me = ctx.turn.user.id;
  const mine = groups.filter(
    (g) => g.members.includes(me) || g.leads.includes(me) || g.coaches.includes(me),
  );
  return { ownerId: me, ...(mine.length === 1 ? { groupKey: mine[0]!.key } : {}) };
}

/** The owner as people know them (their name), so a text field never shows a platform user id. */
async function ownerNameOf(ctx: TurnContext, ownerId: string | undefined): Promise<{ ownerName?: string }> {
  if (!ownerId) return {};
  const member = await ctx.store.members.findOne({ userId: ownerId });
  return member?.name ? { ownerName: member.name } : {};
}
