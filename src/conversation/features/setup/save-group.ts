import { z } from 'zod';
import { ValidationError } from '../../../errors.js';
import { DEFAULT_INTERVAL_MEASURES } from '../../../domain/measures/index.js';
import { IsoDateSchema } from '../../../store/schemas/common.js';
import type { Group } from '../../../store/schemas/group.js';
import type { TurnContext } from '../../context.js';
import { groupKeyFrom } from '../../find-group.js';
import { plain } from '../../replies.js';
import { readTargetDate } from '../../../domain/target-date.js';
import { refuseChildForChannel } from '../../refuse-child-for-channel.js';

export const GroupInputSchema = z.object({
  key: z.string().optional(),
  name: z.string().trim().min(2, { message: 'needs at least 2 characters' }).max(80),
  aimStatement: z.string().trim().min(5, { message: 'needs a sentence saying what you want to improve' }).max(500).optional(),
  aimTarget: z.string().trim().min(1).max(200).optional(),
  aimTargetDate: IsoDateSchema.optional(),
  aimMeasureKey: z
    .string()
    .refine((key) => DEFAULT_INTERVAL_MEASURES.some((m) => m.id === key), { message: 'is not one of the measures — pick one from the list' })
    .optional(),
  aimTargetValue: z.coerce
    .number({ message: 'must be a number of weeks, e.g. 28' })
    .positive({ message: 'must be more than 0 weeks' })
    .max(520, { message: 'must be at most 520 weeks (10 years)' })
    .optional(),
});

const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  aimStatement: 'aim',
  aimTarget: 'measurable target',
  aimTargetDate: 'target date',
  aimMeasureKey: 'key measure',
  aimTargetValue: 'target line',
};

/** A target date said in words ("December 2027", "end of 2027") becomes the day it means. */
function withTargetDate<T extends Record<string, unknown>>(raw: T): T {
  const said = raw.aimTargetDate;
  if (typeof said !== 'string' || said === '') return raw;
  const date = readTargetDate(said);
  if (!date) {
    throw new ValidationError('invalid_group', 'I couldn’t read the target date: say it like “December 2027”, “end of 2027” or “31 Mar 2027”.', { field: 'aimTargetDate' });
  }
  return { ...raw, aimTargetDate: date };
}

/** Creates an aim group (or updates its name and aim), audited. Admins create; admins and its leads edit. */
export async function saveGroup(ctx: TurnContext, raw: Record<string, unknown>): Promise<Group> {
  const parsed = GroupInputSchema.safeParse(withTargetDate(dropEmpty(raw)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0]);
    throw new ValidationError('invalid_group', `The ${FIELD_LABELS[field] ?? field} ${issue.message}.`, { field });
  }
  const input = parsed.data;
  refuseChildForChannel(ctx, input.name, 'A group’s name', { where: 'is shown in channels and digests', field: 'name' });
  for (const field of ['aimStatement', 'aimTarget'] as const) {
    refuseChildForChannel(ctx, input[field] ?? '', 'A group’s aim', { where: 'is shown in channels and digests', field });
  }
  const aim = input.aimStatement
    ? {
        statement: input.aimStatement,
        target: input.aimTarget ?? 'to be agreed',
        targetDate: input.aimTargetDate ?? endOfYear(ctx.now),
        ...(input.aimMeasureKey ? { measureKey: input.aimMeasureKey } : {}),
        ...(input.aimTargetValue !== undefined ? { targetValue: input.aimTargetValue } : {}),
      }
    : undefined;
  const existing = input.key ? await ctx.store.groups.findOne({ key: input.key }) : null;
  if (existing) {
    ctx.requireRole(['admin', 'lead'], 'change this aim group', existing);
    const after = await ctx.store.groups.findOneAndUpdate({ key: existing.key }, { $set: { name: input.name, ...(aim ? { aim } : {}) } });
    await audit(ctx, existing.key, 'update', existing, after);
    return after!;
  }
  ctx.requireRole(['admin'], 'create aim groups');
  ctx.requireProgramme();
  const key = groupKeyFrom(input.name);
  if (key.length < 2) throw new ValidationError('invalid_group', 'Give the group a name with some letters, e.g. "Permanence milestones".', { field: 'name' });
  const group: Omit<Group, 'workspaceId'> = { key, name: input.name, ...(aim ? { aim } : {}), leads: [], coaches: [], members: [], subgroupEveryWeeks: 3, createdAt: ctx.now };
  try {
    await ctx.store.groups.insertOne(group);
  } catch (error) {
    if ((error as { code?: number }).code === 11000) {
      throw new ValidationError('duplicate_group', `There is already a group called "${plain(input.name)}" (\`${key}\`).`, { field: 'name' });
    }
    throw error;
  }
  await audit(ctx, key, 'create', null, group);
  return { ...group, workspaceId: ctx.store.workspaceId };
}

export function audit(ctx: TurnContext, key: string, action: string, before: unknown, after: unknown) {
  return ctx.store.recordAudit({ actor: ctx.actor(), entity: 'group', entityId: key, action, before: before ?? null, after: after ?? null, source: ctx.source() });
}

function dropEmpty(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '' && v !== undefined && v !== null));
}

function endOfYear(now: Date): string {
  return `${now.getUTCFullYear()}-12-31`;
}
