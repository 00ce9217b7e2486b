import type { Db, WithId } from 'mongodb';
import { ignoreDuplicates } from '../../store/ignore-duplicates.js';
import { NoticeSchema, type Notice } from '../../store/schemas/notice.js';
import type { Programme } from '../../store/schemas/programme.js';
import { workspaceStore, type WorkspaceStore } from '../../store/workspace-store.js';
import { openNotice } from '../notices/open-notice.js';
import { workingMorningDate } from '../notices/working-morning.js';
import { driftThresholds } from './drift-thresholds.js';
import { findDrift, type Drift } from './find-drift.js';
import { tellDriftRound } from './tell-drift.js';

function newNotice(drift: Drift, now: Date): Omit<Notice, 'workspaceId'> {
  const { threshold } = drift;
  return {
    kind: 'drift',
    key: drift.key,
    caseRef: drift.caseRef,
    groupKey: threshold.group.key,
    from: threshold.from,
    milestone: threshold.to,
    weeks: threshold.weeks,
    startedOn: drift.startedOn,
    holderIds: threshold.group.leads,
    ...openNotice(now),
  };
}

/** Alerts that no longer apply (the child reached the milestone, the threshold changed): closed. */
async function closeStale(store: WorkspaceStore, drifts: readonly Drift[], now: Date): Promise<void> {
  const current = drifts.map((d) => d.key);
  await store.notices.updateMany(
    { kind: 'drift', status: { $ne: 'closed' }, key: { $nin: current } },
    { $set: { status: 'closed', updatedAt: now }, $unset: { snoozedUntil: '' } },
  );
}

/** Snoozes that ran out: told again, as a new round (each woken once, whichever instance wakes it). */
async function wakeSnoozed(store: WorkspaceStore, now: Date): Promise<void> {
  await store.notices.updateMany(
    { kind: 'drift', status: 'snoozed', snoozedUntil: { $lte: now } },
    { $set: { status: 'open', updatedAt: now }, $inc: { round: 1, version: 1 }, $unset: { snoozedUntil: '', toldTo: '' } },
  );
}

/**
 * One programme's drift alerts, on a working morning: every child past their aim group's threshold
 * without the stage's end gets one notice per threshold, told privately to the group's leads (or
 * whoever it was handed to) through the deliveries' exactly-once machinery. Snoozed alerts wait;
 * alerts for children who moved on are closed. A lead with more than a few at once gets them in
 * one list (see tell-drift.ts). Returns the number of messages queued.
 */
export async function planDriftAlerts(db: Db, programme: WithId<Programme>, now: Date): Promise<number> {
  const today = workingMorningDate(now, programme.timeZone);
  if (!today) return 0;
  const store = workspaceStore(db, programme.workspaceId);
  const thresholds = await driftThresholds(store, now);
  const cases = await store.cases
    .find({}, { projection: { caseRef: 1, milestones: 1, groupKey: 1 } })
    .toArray();
  const drifts = findDrift(cases, thresholds, today);
  await closeStale(store, drifts, now);
  if (drifts.length === 0) return 0;
  const known = new Set(await store.notices.distinct('key', { key: { $in: drifts.map((d) => d.key) } }));
  const fresh = drifts
    .filter((d) => !known.has(d.key))
    .map((d) => NoticeSchema.parse({ ...newNotice(d, now), workspaceId: store.workspaceId }));
  // Another instance may record the same alert at the same moment: the unique key keeps one.
  if (fresh.length > 0) await store.notices.raw.insertMany(fresh, { ordered: false }).catch(ignoreDuplicates);
  await wakeSnoozed(store, now);
  const byKey = new Map(drifts.map((d) => [d.key, d]));
  const due = (await store.notices.find({ kind: 'drift', status: 'open' }).toArray()).filter(
    (n): n is WithId<Notice> => n.queuedRound !== n.round && byKey.has(n.key),
  );
  for (const notice of due) {
    const drift = byKey.get(notice.key)!;
    // The start date corrected since the alert was noticed: the message says the date as it is now.
    if (notice.startedOn !== drift.startedOn) {
      await store.notices.updateOne({ _id: notice._id }, { $set: { startedOn: drift.startedOn, updatedAt: now } });
      notice.startedOn = drift.startedOn;
    }
    // A group given its first lead after the alert was noticed: the lead holds it now.
    const leads = drift.threshold.group.leads;
    if (notice.holderIds.length === 0 && !notice.handedBy && leads.length > 0) {
      await store.notices.updateOne({ _id: notice._id, handedBy: { $exists: false } }, { $set: { holderIds: leads, updatedAt: now } });
      notice.holderIds = leads;
    }
  }
  // Together, so a lead with many at once (the first morning) gets one list, not a message each.
  return tellDriftRound(store, programme, due, today, now);
}
