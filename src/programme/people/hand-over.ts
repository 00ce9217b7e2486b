import { z } from 'zod';
import { AuditEntrySchema } from '../../store/schemas/audit.js';
import type { Member } from '../../store/schemas/member.js';
import type { PendingAction } from '../../store/schemas/pending-action.js';
import { ignoreDuplicates } from '../../store/ignore-duplicates.js';
import { flushPendingAudit, pendingAuditOf } from '../audit/pending-audit.js';
import { casesRecordedBy } from '../cases/cases-recorded-by.js';
import { hasDates } from '../cases/has-dates.js';
import type { ModelContext } from '../model-context.js';
import { asRead, cycleAudit, flushCycleAudit } from '../pdsa/audit-cycle.js';

/** The kind of question that holds a hand-over waiting for Confirm. */
export const HANDOVER_KIND = 'people.handover';
/** How long a Confirm may hold the question while writing; past it, the repair sweep finishes it. */
export const HANDOVER_LEASE_MS = 10_000;
/** A case is open until permanence is secured. */
const CLOSING_MILESTONE = 'order_granted';

const PersonSchema = z.object({ userId: z.string(), name: z.string() });
export const HandoverPlanSchema = z.object({
  from: PersonSchema,
  to: PersonSchema,
  caseRefs: z.array(z.string()),
  cycles: z.array(z.number().int()),
});
export type HandoverPlan = z.infer<typeof HandoverPlanSchema>;

export interface HandedOver {
  cases: number;
  cycles: number;
}

/**
 * What a departing worker holds that is still open: tests of change they own that have no Act
 * decision yet, and children with dates whose permanence is not secured that they hold — handed to them, or,
 * where nobody has been handed a case, the ones they recorded dates for and did not undo (an import
 * they ran does not make its children theirs: see cases-recorded-by.ts).
 */
export async function planHandover(ctx: ModelContext, from: Member, to: Member): Promise<HandoverPlan> {
  const recorded = await casesRecordedBy(ctx.store, from.userId);
  const cases = await ctx.store.cases
    .find({ $or: [{ ownerId: from.userId }, { caseRef: { $in: recorded }, ownerId: { $exists: false } }] }, { projection: { caseRef: 1, milestones: 1 } })
    .toArray();
  const open = cases.filter((c) => hasDates(c) && !c.milestones[CLOSING_MILESTONE]?.actual).map((c) => c.caseRef).sort();
  const cycles = await ctx.store.pdsa.find({ ownerId: from.userId, stage: { $ne: 'act' } }, { projection: { number: 1 } }).toArray();
  return {
    from: { userId: from.userId, name: from.name },
    to: { userId: to.userId, name: to.name },
    caseRefs: open,
    cycles: cycles.map((c) => c.number).sort((a, b) => a - b),
  };
}

/**
 * Moves a claimed hand-over. Every moved case and cycle carries its own audit entry in the same
 * write; each move is conditional on the old holder, so a run repeated after a crash (the repair
 * sweep) skips what already moved and finishes the rest. A summary entry keyed by the question is
 * written once, and only then is the question closed.
 */
export async function applyHandover(ctx: ModelContext, pending: PendingAction): Promise<HandedOver> {
  const plan = HandoverPlanSchema.parse(pending.payload);
  const { from, to } = plan;
  let cycles = 0;
  for (const number of plan.cycles) {
    const before = await ctx.store.pdsa.findOne({ number, ownerId: from.userId });
    if (!before) continue; // moved already, or changed hands since
    await flushCycleAudit(ctx, before); // never replace an entry still waiting
    const changed = { ownerId: to.userId, ownerName: to.name };
    const pendingAudit = cycleAudit(ctx, number, 'hand_over', before, { ...before, ...changed });
    const after = await ctx.store.pdsa.findOneAndUpdate(
      { ...asRead(before), ownerId: from.userId },
      { $set: { ...changed, pendingAudit, updatedAt: ctx.now }, $inc: { version: 1 } },
    );
    await flushCycleAudit(ctx, after);
    if (after) cycles += 1;
  }
  let cases = 0;
  for (const caseRef of plan.caseRefs) {
    const before = await ctx.store.cases.findOne({ caseRef });
    if (!before || before.ownerId === to.userId) continue;
    if (before.ownerId && before.ownerId !== from.userId) continue; // someone else holds it now
    if (before.pendingAudit) await flushPendingAudit(ctx.store, 'cases', [before]);
    const pendingAudit = pendingAuditOf(ctx, {
      entity: 'case',
      entityId: caseRef,
      action: 'hand_over',
      before: { ownerId: before.ownerId ?? from.userId },
      after: { ownerId: to.userId },
    });
    const after = await ctx.store.cases.findOneAndUpdate(
      { caseRef, ...(before.ownerId ? { ownerId: before.ownerId } : { ownerId: { $exists: false } }) },
      { $set: { ownerId: to.userId, pendingAudit, updatedAt: ctx.now } },
    );
    if (after) {
      await flushPendingAudit(ctx.store, 'cases', [after]);
      cases += 1;
    }
  }
  const key = `handover-${pending._id!.toHexString()}`;
  const summary = AuditEntrySchema.parse({
    workspaceId: ctx.store.workspaceId,
    at: ctx.now,
    actor: ctx.actor(),
    entity: 'member',
    entityId: from.userId,
    action: 'hand_over',
    // Counts only: the case references are in each case's own entry, never in a person's.
    before: { holder: from, cases: plan.caseRefs.length, cycles: plan.cycles.length },
    after: { holder: to },
    source: { platform: pending.source.platform, eventId: pending.source.eventId },
    changeKey: key,
  });
  await ctx.store.audit.raw.insertMany([summary], { ordered: false }).catch(ignoreDuplicates);
  await ctx.store.pending.updateOne({ _id: pending._id, status: 'applying' }, { $set: { status: 'done', closedAt: ctx.now }, $unset: { leaseUntil: '' } });
  return { cases, cycles };
}
