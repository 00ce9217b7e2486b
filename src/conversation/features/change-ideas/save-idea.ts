import { ValidationError } from '../../../errors.js';
import type { ChangeIdea } from '../../../store/schemas/change-idea.js';
import type { TurnContext } from '../../context.js';
import { groupKeyFrom } from '../../find-group.js';
import { parseAim } from './aims.js';
import type { IdeaInput } from './idea-input.js';
import { findIdea } from './idea-library.js';
import { plain } from '../../replies.js';
import { refuseChildForChannel } from '../../refuse-child-for-channel.js';

const CURATE = 'add, edit or retire change ideas';

/** Ideas are offered to everyone in the programme, channels included: no child is named in one. */
function refuseChildInIdea(ctx: TurnContext, input: Partial<IdeaInput>): void {
  const where = { where: 'is shown to everyone in the programme, channels included' };
  if (input.title !== undefined) refuseChildForChannel(ctx, input.title, 'A change idea', { ...where, field: 'title' });
  if (input.description !== undefined) refuseChildForChannel(ctx, input.description, 'A change idea', { ...where, field: 'description' });
}

/** Adds a coach's entry to the library, with a key made from its title; audited. */
export async function addIdea(ctx: TurnContext, input: IdeaInput): Promise<ChangeIdea> {
  ctx.requireRole(['coach', 'admin'], CURATE);
  refuseChildInIdea(ctx, input);
  const aim = parseAim(input.aim ?? 'all', await ctx.store.groups.find({}).toArray());
  // Same slug rule as group keys: short, lower case, readable in a command.
  const base = groupKeyFrom(input.title);
  if (base.length < 2)
    throw new ValidationError(
      'invalid_idea',
      'Give the idea a title with some letters, e.g. "Pre-ADM checklist".',
      { field: 'title' },
    );
  const idea: Omit<ChangeIdea, 'workspaceId'> = {
    key: await freeKey(ctx, base),
    aim,
    title: input.title,
    description: input.description ?? '',
    source: 'coach',
    retired: false,
    createdBy: ctx.actor(),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.store.changeIdeas.insertOne(idea);
  await audit(ctx, idea.key, 'create', null, idea);
  return { ...idea, workspaceId: ctx.store.workspaceId };
}

/** Changes an entry's title, aim or description (already checked by idea-input); audited with before and after. */
export async function editIdea(
  ctx: TurnContext,
  key: string,
  changes: Partial<IdeaInput>,
): Promise<ChangeIdea> {
  ctx.requireRole(['coach', 'admin'], CURATE);
  refuseChildInIdea(ctx, changes);
  const before = await findIdea(ctx, key);
  const set: Partial<ChangeIdea> = { updatedAt: ctx.now };
  if (changes.title !== undefined) set.title = changes.title;
  if (changes.description !== undefined) set.description = changes.description;
  if (changes.aim !== undefined)
    set.aim = parseAim(changes.aim, await ctx.store.groups.find({}).toArray());
  const after = await ctx.store.changeIdeas.findOneAndUpdate({ key: before.key }, { $set: set });
  await audit(ctx, before.key, 'update', before, after);
  return after!;
}

/** Retires (or restores) an entry: retired ideas stay on old cycles but leave the PDSA form. */
export async function setRetired(
  ctx: TurnContext,
  key: string,
  retired: boolean,
): Promise<ChangeIdea> {
  ctx.requireRole(['coach', 'admin'], CURATE);
  const before = await findIdea(ctx, key);
  if (before.retired === retired) return before;
  const after = await ctx.store.changeIdeas.findOneAndUpdate(
    { key: before.key },
    { $set: { retired, updatedAt: ctx.now } },
  );
  await audit(ctx, before.key, retired ? 'retire' : 'restore', before, after);
  return after!;
}

/** What the bot says after retiring or restoring, with the way back. */
export function retiredText(idea: ChangeIdea): string {
  return idea.retired
    ? `Retired *${plain(idea.title)}*: it no longer appears in \`pdsa new\`. Undo: \`idea ${idea.key} restore\`.`
    : `*${plain(idea.title)}* is back in the library.`;
}

async function freeKey(ctx: TurnContext, base: string): Promise<string> {
  const taken = new Set(
    await ctx.store.changeIdeas.distinct('key', { key: { $regex: `^${base}(-\\d+)?$` } }),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

function audit(ctx: TurnContext, key: string, action: string, before: unknown, after: unknown) {
  return ctx.store.recordAudit({
    actor: ctx.actor(),
    entity: 'change_idea',
    entityId: key,
    action,
    before: before ?? null,
    after: after ?? null,
    source: ctx.source(),
    at: ctx.now,
  });
}
