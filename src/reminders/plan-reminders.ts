import { DateTime } from 'luxon';
import type { Db, WithId } from 'mongodb';
import { toCaseMilestones } from '../conversation/features/measures/case-milestones.js';
import { listMeasures } from '../conversation/features/measures/measure-catalogue.js';
import { milestoneLabel } from '../conversation/features/measures/milestone-label.js';
import { cyclesOverdueForStudy } from '../conversation/features/pdsa/queries.js';
import { enqueueDelivery } from '../deliveries/enqueue-delivery.js';
import { gapsOfGroup, plannedPassedGaps, type FoundGap } from '../digest/data-gaps.js';
import { groupMeasures, groupMilestones } from '../digest/group-measures.js';
import { STUDY_DUE_DAYS } from '../digest/study-due.js';
import { COLLECTIONS } from '../store/collections.js';
import type { StoredReply } from '../store/schemas/digest.js';
import type { PdsaCycle } from '../store/schemas/pdsa.js';
import type { Programme } from '../store/schemas/programme.js';
import type { Workspace } from '../store/schemas/workspace.js';
import { workspaceStore } from '../store/workspace-store.js';
import { plannedReminder, studyReminder } from './reminder-cards.js';

/** Reminders go out on working days from this local time, at most once a week per person and kind. */
export const REMINDER_TIME = '09:00';

/**
 * Queues this week's reminders for one programme: each owner of tests overdue for Study, and each
 * lead whose groups have planned dates that passed undated. Nobody away (or snoozed) is reminded;
 * the idempotency key (kind + person + ISO week) makes it once a week however often this runs.
 */
export async function planReminders(db: Db, programme: WithId<Programme>, now: Date): Promise<number> {
  const local = DateTime.fromJSDate(now, { zone: programme.timeZone });
  if (local.weekday > 5 || local.toFormat('HH:mm') < REMINDER_TIME) return 0;
  const week = local.toFormat("kkkk-'W'WW");
  const today = local.toISODate()!;
  const store = workspaceStore(db, programme.workspaceId);
  const workspace = await db.collection<Workspace>(COLLECTIONS.workspaces).findOne({ _id: programme.workspaceId });
  const platform = programme.championsChannel?.platform ?? workspace?.platform ?? 'web';
  const members = await store.members.find({}).toArray();
  const away = new Set(members.filter((m) => m.awayUntil && m.awayUntil > now).map((m) => m.userId));
  const queue = async (kind: string, userId: string, replies: StoredReply[]) =>
    !away.has(userId) &&
    (await enqueueDelivery(db, { workspaceId: programme.workspaceId, kind: 'reminder', sourceId: `${kind}:${userId}`, occurrence: week, recipient: { platform, kind: 'user', id: userId }, replies }, now));

  let queued = 0;
  const overdue = await cyclesOverdueForStudy(store, now, STUDY_DUE_DAYS);
  const byOwner = new Map<string, PdsaCycle[]>();
  for (const cycle of overdue) byOwner.set(cycle.ownerId, [...(byOwner.get(cycle.ownerId) ?? []), cycle]);
  for (const [ownerId, cycles] of byOwner) if (await queue('study', ownerId, studyReminder(cycles, today))) queued++;

  const [stored, groups, measures] = await Promise.all([
    store.cases.find({}, { projection: { caseRef: 1, milestones: 1, groupKey: 1 } }).toArray(),
    store.groups.find({}).toArray(),
    listMeasures(store, now),
  ]);
  const cases = toCaseMilestones(stored).map((c, i) => ({ ...c, ...(stored[i]!.groupKey ? { groupKey: stored[i]!.groupKey } : {}) }));
  const passed = plannedPassedGaps(cases, today, (key) => milestoneLabel(programme, key));
  const byLead = new Map<string, FoundGap[]>();
  for (const group of groups) {
    const mine = gapsOfGroup(passed, group.key, groupMilestones(groupMeasures(group, measures)));
    for (const lead of group.leads) byLead.set(lead, [...new Set([...(byLead.get(lead) ?? []), ...mine])]);
  }
  for (const [leadId, gaps] of byLead) if (gaps.length > 0 && (await queue('planned', leadId, plannedReminder(gaps)))) queued++;
  return queued;
}
