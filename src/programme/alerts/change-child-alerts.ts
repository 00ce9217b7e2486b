import { ObjectId, type WithId } from 'mongodb';
import { z } from 'zod';
import { ValidationError } from '../../errors.js';
import type { Notice } from '../../store/schemas/notice.js';
import type { PendingAction } from '../../store/schemas/pending-action.js';
import { flushPendingAudit } from '../audit/pending-audit.js';
import type { ModelContext } from '../model-context.js';
import { changeAlert, tellHanded, writeAlertChange, type AlertChange } from './change-alert.js';

/** The record that holds a change to several of a child's alerts until every one is written. */
export const ALERTS_CHANGE_KIND = 'alerts.change';
/** How long a change may hold its record while writing; past it, the repair sweep finishes it. */
export const ALERTS_CHANGE_LEASE_MS = 10_000;
/** Tries per alert when a job or a person writes it at the same moment; the sweep tries again after. */
const TRIES = 3;

const ChangeSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('alert_snooze'),
    weeks: z.number().int(),
    until: z.date(),
    reason: z.object({ category: z.enum(['court', 'panel', 'legal', 'assessment', 'family', 'other']), text: z.string() }),
  }),
  z.object({ action: z.literal('alert_hand'), to: z.object({ userId: z.string(), name: z.string() }) }),
]);
const PlanSchema = z.object({ caseRef: z.string(), alerts: z.array(z.string()), change: ChangeSchema });

const CHILD_CONFLICT = 'Someone changed that child’s alerts at the same moment. Please try again.';

/** A child's alerts changed together: one alone is one write; several are recorded first (below). */
export function changeAlerts(ctx: ModelContext, notices: readonly WithId<Notice>[], change: AlertChange): Promise<number> {
  return notices.length === 1 ? changeAlert(ctx, notices[0]!, change) : changeChildAlerts(ctx, notices, change);
}

/**
 * Snoozes or hands on every alert of a child at once (a child in no group can be past several
 * groups' times), whole or not at all. The change is checked before anything is written: each alert
 * must still be as read, or nothing is written. Then the whole change is recorded, so a stop
 * part-way is finished by the repair sweep (finish-stopped-changes.ts) rather than left half done.
 * Returns the messages queued (a hand-on tells the member at once).
 */
export async function changeChildAlerts(ctx: ModelContext, notices: readonly WithId<Notice>[], change: AlertChange): Promise<number> {
  const ids = notices.map((n) => n._id);
  const current = await ctx.store.notices.find({ _id: { $in: ids } }, { projection: { version: 1, status: 1 } }).toArray();
  const asRead = (n: WithId<Notice>) => current.some((c) => c._id.equals(n._id) && c.version === n.version && c.status !== 'closed');
  if (current.length !== notices.length || !notices.every(asRead)) throw new ValidationError('edit_conflict', CHILD_CONFLICT);
  const plan = { caseRef: notices[0]!.caseRef!, alerts: ids.map((id) => id.toHexString()), change };
  const pending: Omit<PendingAction, 'workspaceId'> = {
    userId: ctx.actor().userId,
    kind: ALERTS_CHANGE_KIND,
    payload: plan,
    source: ctx.source(),
    status: 'applying',
    leaseUntil: new Date(ctx.now.getTime() + ALERTS_CHANGE_LEASE_MS),
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + 86_400_000),
  };
  const { insertedId } = await ctx.store.pending.insertOne(pending);
  return applyAlertsChange(ctx, { ...pending, workspaceId: ctx.store.workspaceId, _id: insertedId });
}

/**
 * Writes a recorded change to each of its alerts that is not written yet, then closes the record.
 * Each alert's write carries an audit entry keyed by the record and the alert, which is how a
 * repeat (the repair sweep, after a stop) knows it is done and changes nothing twice. From here the
 * change goes forward: an alert changed by someone else meanwhile is read again and written over.
 * An alert closed meanwhile is left closed.
 */
export async function applyAlertsChange(ctx: ModelContext, pending: PendingAction): Promise<number> {
  const { alerts, change } = PlanSchema.parse(pending.payload);
  const written: WithId<Notice>[] = [];
  let whole = true;
  for (const id of alerts) {
    const key = `alerts-${pending._id!.toHexString()}-${id}`;
    const done = await writeOnce(ctx, new ObjectId(id), change, key);
    if (done === 'again') whole = false;
    else if (done) written.push(done);
  }
  // Left for the sweep (its lease runs out) if an alert was busy every time.
  if (!whole) return 0;
  const queued = await tellHanded(ctx, change, written);
  await ctx.store.pending.updateOne({ _id: pending._id, status: 'applying' }, { $set: { status: 'done', closedAt: ctx.now }, $unset: { leaseUntil: '' } });
  return queued;
}

/** One alert of the change: written (or found written), null when closed, 'again' when always busy. */
async function writeOnce(ctx: ModelContext, _id: ObjectId, change: AlertChange, key: string): Promise<WithId<Notice> | null | 'again'> {
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const notice = await ctx.store.notices.findOne({ _id, kind: 'drift' });
    if (!notice || notice.status === 'closed') return null;
    if (notice.pendingAudit?.key === key) {
      await flushPendingAudit(ctx.store, 'notices', [notice]);
      return notice;
    }
    if (await ctx.store.audit.findOne({ changeKey: key }, { projection: { _id: 1 } })) return notice;
    // Never replace an entry still waiting to be written.
    if (notice.pendingAudit) await flushPendingAudit(ctx.store, 'notices', [notice]);
    const written = await writeAlertChange(ctx, notice, change, key);
    if (written) return written;
  }
  return 'again';
}
