import type { Db } from 'mongodb';
import { COLLECTIONS } from '../../store/collections.js';
import type { Case } from '../../store/schemas/case.js';
import type { Delivery } from '../../store/schemas/delivery.js';
import type { Digest } from '../../store/schemas/digest.js';
import type { PendingAction } from '../../store/schemas/pending-action.js';
import { workspaceStore, type WorkspaceStore } from '../../store/workspace-store.js';
import { applyPendingRecords, CONFIRM_LEASE_MS, RECORDS_KIND } from '../cases/apply-pending-records.js';
import { AUDITED_COLLECTIONS, flushAllPendingAudits } from '../audit/pending-audit.js';
import { ALERTS_CHANGE_KIND, ALERTS_CHANGE_LEASE_MS, applyAlertsChange } from '../alerts/change-child-alerts.js';
import { auditAllPending } from '../cases/audit-stamped-change.js';
import { ERASE_KIND, ERASE_LEASE_MS, eraseCaseRecords } from '../cases/erase-case-records.js';
import { finishStoppedImports } from '../imports/finish-stopped-imports.js';
import { applyHandover, HANDOVER_KIND, HANDOVER_LEASE_MS } from '../people/hand-over.js';
import { applyRemoval, REMOVE_PERSON_KIND, REMOVE_PERSON_LEASE_MS } from '../people/remove-person.js';
import type { ModelContext } from '../model-context.js';

export interface Repaired {
  audited: number;
  confirmations: number;
  erasures: number;
  imports: number;
  digests: number;
  handovers: number;
  /** People removed (`person remove`) whose removal stopped half way. */
  removals: number;
  /** A child's alerts snoozed or handed on together. */
  alertChanges: number;
}

/**
 * A digest whose last delivery finished just before its sender stopped is still `queued`: it is
 * settled as the sender would have, once none of its deliveries is pending or sending.
 */
async function settleFinishedDigests(db: Db, now: Date): Promise<number> {
  const queued = await db.collection<Digest>(COLLECTIONS.digests).find({ status: 'queued' }, { projection: { _id: 1, workspaceId: 1 } }).toArray();
  let settled = 0;
  for (const digest of queued) {
    const deliveries = db.collection<Delivery>(COLLECTIONS.deliveries);
    const scope = { workspaceId: digest.workspaceId, kind: 'digest' as const, sourceId: digest._id };
    const [open, any] = await Promise.all([
      deliveries.countDocuments({ ...scope, status: { $in: ['pending', 'sending'] } }),
      deliveries.countDocuments(scope),
    ]);
    if (open > 0 || any === 0) continue;
    const done = await db
      .collection<Digest>(COLLECTIONS.digests)
      .updateOne({ _id: digest._id, workspaceId: digest.workspaceId, status: 'queued' }, { $set: { status: 'sent', sentAt: now } });
    settled += done.modifiedCount;
  }
  return settled;
}

/** A context that acts as the person whose change it finishes. */
async function asThePerson(store: WorkspaceStore, pending: PendingAction, now: Date): Promise<ModelContext> {
  const member = await store.members.findOne({ userId: pending.userId });
  const actor = { userId: pending.userId, name: member?.name ?? pending.userId };
  return {
    store,
    now,
    programme: await store.programmes.findOne({}),
    actor: () => actor,
    source: () => ({ platform: pending.source.platform, eventId: pending.source.eventId }),
  };
}

/** Takes a stopped change's question for this process, or null when someone else has it. */
function claimStopped(store: WorkspaceStore, pending: PendingAction, now: Date, leaseMs: number) {
  return store.pending.findOneAndUpdate(
    { _id: pending._id, status: 'applying', leaseUntil: { $lt: now } },
    { $set: { leaseUntil: new Date(now.getTime() + leaseMs) } },
  );
}

/**
 * The repair half of "every multi-write change is atomic or repaired" (README, children's data).
 * Each change is written in an order that can be finished from what is stored: a case carries its
 * change's stamp in the same update as its dates, and a question stays `applying` until its change
 * is whole. After a crash this finishes, once and whoever runs it: audit entries of stamped
 * changes, then confirmations, erasures, hand-overs and alert changes whose lease ran out, then
 * imports, then digests whose deliveries all finished.
 */
export async function finishStoppedChanges(db: Db, now: Date): Promise<Repaired> {
  const repaired: Repaired = { audited: 0, confirmations: 0, erasures: 0, imports: 0, digests: 0, handovers: 0, removals: 0, alertChanges: 0 };
  const workspaces = (await db
    .collection<Case>(COLLECTIONS.cases)
    .distinct('workspaceId', { 'lastChange.pendingAudit': true })) as string[];
  for (const workspaceId of workspaces) {
    repaired.audited += await auditAllPending(workspaceStore(db, workspaceId));
  }
  // Tests of change, measures, people added, alerts and a case's non-date changes carry their entry
  // the same way: every audited collection is looked in, so a new one cannot be missed here.
  const carrying = new Set<string>();
  for (const name of AUDITED_COLLECTIONS.map((c) => COLLECTIONS[c])) {
    for (const id of (await db.collection(name).distinct('workspaceId', { pendingAudit: { $exists: true } })) as string[]) carrying.add(id);
  }
  for (const workspaceId of carrying) repaired.audited += await flushAllPendingAudits(workspaceStore(db, workspaceId));
  const stopped = await db
    .collection<PendingAction>(COLLECTIONS.pending)
    .find({ status: 'applying', leaseUntil: { $lt: now }, kind: { $in: [RECORDS_KIND, ERASE_KIND, HANDOVER_KIND, ALERTS_CHANGE_KIND, REMOVE_PERSON_KIND] } })
    .limit(50)
    .toArray();
  for (const pending of stopped) {
    const store = workspaceStore(db, pending.workspaceId);
    const erase = pending.kind === ERASE_KIND;
    const handover = pending.kind === HANDOVER_KIND;
    const alerts = pending.kind === ALERTS_CHANGE_KIND;
    const removal = pending.kind === REMOVE_PERSON_KIND;
    const lease = erase ? ERASE_LEASE_MS : handover ? HANDOVER_LEASE_MS : alerts ? ALERTS_CHANGE_LEASE_MS : removal ? REMOVE_PERSON_LEASE_MS : CONFIRM_LEASE_MS;
    const claimed = await claimStopped(store, pending, now, lease);
    if (!claimed) continue;
    const ctx = await asThePerson(store, claimed, now);
    if (removal) {
      await applyRemoval(ctx, claimed);
      repaired.removals += 1;
    } else if (alerts) {
      await applyAlertsChange(ctx, claimed);
      repaired.alertChanges += 1;
    } else if (handover) {
      await applyHandover(ctx, claimed);
      repaired.handovers += 1;
    } else if (erase) {
      const id = claimed._id!.toHexString();
      await eraseCaseRecords(ctx, String(claimed.payload.caseRef), `erase-${id}`, claimed._id!);
      repaired.erasures += 1;
    } else {
      await applyPendingRecords(ctx, claimed);
      repaired.confirmations += 1;
    }
  }
  repaired.imports = await finishStoppedImports(db, now);
  repaired.digests = await settleFinishedDigests(db, now);
  return repaired;
}
