import type { UpdateFilter } from 'mongodb';
import { z } from 'zod';
import { plain } from '../../../cards/plain-text.js';
import { ValidationError } from '../../errors.js';
import { AuditEntrySchema } from '../../store/schemas/audit.js';
import type { Member } from '../../store/schemas/member.js';
import type { Notice } from '../../store/schemas/notice.js';
import type { PendingAction } from '../../store/schemas/pending-action.js';
import { ignoreDuplicates } from '../../store/ignore-duplicates.js';
import type { ModelContext } from '../model-context.js';
import { planHandover } from './hand-over.js';

/** The kind of question that holds a removal waiting for Confirm. */
export const REMOVE_PERSON_KIND = 'people.remove';
/** How long a Confirm may hold the question while writing; past it, the repair sweep finishes it. */
export const REMOVE_PERSON_LEASE_MS = 10_000;

/** Who is removed and what they held, kept in the question so a stopped removal can be finished and audited. */
export const RemovalPlanSchema = z.object({
  userId: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  /** Keys of the groups they were in, in any role. */
  groups: z.array(z.string()),
  leads: z.array(z.string()),
  coaches: z.array(z.string()),
  /** Groups they are the only lead of: left with none. */
  onlyLeadOf: z.array(z.string()),
  /** Drift alerts handed to them, still open or snoozed. */
  alerts: z.number().int(),
});
export type RemovalPlan = z.infer<typeof RemovalPlanSchema>;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What removing someone would take away, or why they cannot be removed: not yourself, not the last
 * admin, and not while they hold open cases or tests of change (those are handed over first, so no
 * child is left with nobody). Nothing is written here.
 */
export async function planRemoval(ctx: ModelContext, person: Member): Promise<RemovalPlan> {
  if (person.userId === ctx.actor().userId) {
    throw new ValidationError('remove_self', 'You can’t remove yourself. Ask another admin to do it.');
  }
  if (person.roles.includes('admin') && (await ctx.store.members.countDocuments({ roles: 'admin' })) <= 1) {
    throw new ValidationError('last_admin', `${plain(person.name)} is the only admin, so I can’t remove them.`);
  }
  const held = await planHandover(ctx, person, person);
  if (held.caseRefs.length > 0 || held.cycles.length > 0) {
    // Counts only: this may be answered in a channel, where case references never go.
    throw new ValidationError(
      'person_holds_work',
      `${plain(person.name)} still holds ${count(held.caseRefs.length, 'open case', 'open cases')} and ` +
        `${count(held.cycles.length, 'open test of change', 'open tests of change')}. Hand them over first — ` +
        `\`hand over "${plain(person.name)}" to "<name>"\` — then say \`person remove "${plain(person.name)}"\` again.`,
    );
  }
  const id = person.userId;
  const groups = await ctx.store.groups.find({ $or: [{ leads: id }, { members: id }, { coaches: id }] }).toArray();
  return {
    userId: id,
    name: person.name,
    roles: person.roles,
    groups: groups.map((g) => g.key).sort(),
    leads: groups.filter((g) => g.leads.includes(id)).map((g) => g.key).sort(),
    coaches: groups.filter((g) => g.coaches.includes(id)).map((g) => g.key).sort(),
    onlyLeadOf: groups.filter((g) => g.leads.length === 1 && g.leads[0] === id).map((g) => g.key).sort(),
    alerts: await ctx.store.notices.countDocuments({ kind: 'drift', status: { $ne: 'closed' }, holderIds: id }),
  };
}

/**
 * Removes a claimed question's person: off every group's leads, members and coaches, off the alerts
 * they held (one they held alone goes back to its group's leads), then the person themself — so
 * the local chat's "You are" list no longer offers them. Each step can be repeated, so the repair
 * sweep finishes a removal that stopped; the audit entry is keyed by the question and written once,
 * with what they held (counts and group keys, never a child); only then is the question closed.
 */
export async function applyRemoval(ctx: ModelContext, pending: PendingAction): Promise<RemovalPlan> {
  const plan = RemovalPlanSchema.parse(pending.payload);
  const id = plan.userId;
  await ctx.store.groups.updateMany(
    { $or: [{ leads: id }, { members: id }, { coaches: id }] },
    { $pull: { leads: id, members: id, coaches: id } },
  );
  await handBackAlerts(ctx, id);
  await ctx.store.members.deleteOne({ userId: id });
  const entry = AuditEntrySchema.parse({
    workspaceId: ctx.store.workspaceId,
    at: ctx.now,
    actor: ctx.actor(),
    entity: 'member',
    entityId: id,
    action: 'remove_person',
    before: plan,
    after: null,
    source: { platform: pending.source.platform, eventId: pending.source.eventId },
    changeKey: `remove-person-${pending._id!.toHexString()}`,
  });
  await ctx.store.audit.raw.insertMany([entry], { ordered: false }).catch(ignoreDuplicates);
  await ctx.store.pending.updateOne({ _id: pending._id, status: 'applying' }, { $set: { status: 'done', closedAt: ctx.now }, $unset: { leaseUntil: '' } });
  return plan;
}

/**
 * Takes a person off the drift alerts they hold. One they held alone (handed to them, or as their
 * group's only lead) goes back to the group's leads as they are now, no longer marked as handed
 * on, and if open is told to them at the next morning run, so someone still hears about that
 * child; with no lead left it waits for the group's next lead, as a new alert does
 * (plan-drift-alerts.ts). One write per alert, each only while the person
 * still holds it, so a removal finished by the repair sweep does it once.
 */
async function handBackAlerts(ctx: ModelContext, userId: string): Promise<void> {
  const held = await ctx.store.notices.find({ kind: 'drift', holderIds: userId }).toArray();
  const groupKeys = [...new Set(held.map((n) => n.groupKey).filter((k): k is string => k !== undefined))];
  const groups = await ctx.store.groups.find({ key: { $in: groupKeys } }, { projection: { key: 1, leads: 1 } }).toArray();
  const leadsOf = new Map(groups.map((g) => [g.key, g.leads.filter((id) => id !== userId)]));
  for (const notice of held) {
    const others = notice.holderIds.filter((id) => id !== userId);
    // Shared, or closed (nobody is told of it again): just without them, the record of who held it kept.
    if (others.length > 0 || notice.status === 'closed') {
      await ctx.store.notices.updateOne(
        { _id: notice._id, holderIds: userId },
        { $pull: { holderIds: userId }, $set: { updatedAt: ctx.now }, $inc: { version: 1 } },
      );
      continue;
    }
    const leads = leadsOf.get(notice.groupKey ?? '') ?? [];
    const back = { holderIds: leads, updatedAt: ctx.now };
    // A new version, so a hand-on read before the removal cannot write them back; an open alert
    // is a new round for its new holders: the next morning run tells them.
    const update: UpdateFilter<Notice> =
      notice.status === 'open'
        ? { $set: back, $inc: { round: 1, version: 1 }, $unset: { handedBy: '', toldTo: '' } }
        : { $set: back, $inc: { version: 1 }, $unset: { handedBy: '' } };
    await ctx.store.notices.updateOne({ _id: notice._id, holderIds: userId }, update);
  }
}
