import { DateTime } from 'luxon';
import type { Db, WithId } from 'mongodb';
import { RETENTION_NOTICE_DAYS } from '../../domain/retention.js';
import { enqueueDelivery } from '../../deliveries/enqueue-delivery.js';
import { COLLECTIONS } from '../../store/collections.js';
import type { Programme } from '../../store/schemas/programme.js';
import type { Workspace } from '../../store/schemas/workspace.js';
import { workspaceStore } from '../../store/workspace-store.js';
import { freeCaseRefExample } from '../cases/case-ref-example.js';
import { eraseCaseRecords } from '../cases/erase-case-records.js';
import type { ModelContext } from '../model-context.js';
import { caseRetentionDue } from './retention-of.js';

/** Who the retention rule acts as, in the audit. */
export const RETENTION_ACTOR = { userId: 'retention-rule', name: 'Retention rule' };

export interface RetentionRun {
  erased: number;
  noticed: number;
}

const dayText = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toFormat('d LLL yyyy');

/**
 * The direct message admins get before cases are erased: which, when, and how to keep one (with the
 * area's example reference: one its pattern accepts).
 */
function noticeText(due: { caseRef: string; due: string }[], caseRefExample: string): string {
  const lines = due.map((d) => `- ${d.caseRef}: ${dayText(d.due)}`).join('\n');
  return (
    `*Records due to be erased under your retention rule*\n${lines}\n` +
    `To keep one longer, say why: \`case ${caseRefExample} keep until 2027-06-30 because awaiting the court date\`.`
  );
}

/**
 * One programme's retention: erases every case past its due date (audited as the retention rule,
 * each erase keyed by case and due date so a repeated run erases nothing twice), and tells the
 * admins by direct message of cases due within the notice period, once per case and due date.
 */
export async function applyRetention(db: Db, programme: WithId<Programme>, now: Date): Promise<RetentionRun> {
  const store = workspaceStore(db, programme.workspaceId);
  const today = DateTime.fromJSDate(now, { zone: programme.timeZone }).toISODate()!;
  const soon = DateTime.fromISO(today, { zone: 'utc' }).plus({ days: RETENTION_NOTICE_DAYS }).toISODate()!;
  const ctx: ModelContext = {
    store,
    now,
    programme,
    actor: () => RETENTION_ACTOR,
    source: () => ({ platform: 'retention', eventId: `retention-${today}` }),
  };
  const run: RetentionRun = { erased: 0, noticed: 0 };
  const toNotice: { caseRef: string; due: string }[] = [];
  const cases = await store.cases.find({}, { projection: { caseRef: 1, milestones: 1, updatedAt: 1, keepUntil: 1, retentionNoticeFor: 1 } }).toArray();
  for (const held of cases) {
    const due = caseRetentionDue(held, programme);
    if (due <= today) {
      await eraseCaseRecords(ctx, held.caseRef, `retention-${held.caseRef}-${due}`);
      run.erased += 1;
    } else if (due <= soon && held.retentionNoticeFor !== due) {
      toNotice.push({ caseRef: held.caseRef, due });
    }
  }
  if (toNotice.length > 0) {
    const workspace = await db.collection<Workspace>(COLLECTIONS.workspaces).findOne({ _id: programme.workspaceId });
    const platform = workspace?.platform ?? programme.championsChannel?.platform ?? 'web';
    const admins = await store.members.find({ roles: 'admin' }).toArray();
    const replies = [{ kind: 'text' as const, text: noticeText(toNotice, await freeCaseRefExample(store, programme)) }];
    for (const admin of admins) {
      const recipient = { platform, kind: 'user' as const, id: admin.userId };
      const notice = { workspaceId: programme.workspaceId, kind: 'reminder' as const, sourceId: `retention:${admin.userId}`, occurrence: today };
      await enqueueDelivery(db, { ...notice, recipient, replies }, now);
    }
    for (const d of toNotice) await store.cases.updateOne({ caseRef: d.caseRef }, { $set: { retentionNoticeFor: d.due } });
    run.noticed = toNotice.length;
  }
  return run;
}
