import { DateTime } from 'luxon';
import type { Db, WithId } from 'mongodb';
import { toCaseMilestones } from '../programme/cases/case-milestones.js';
import { freeCaseRefExample } from '../programme/cases/case-ref-example.js';
import { listMeasures } from '../programme/measures/measure-catalogue.js';
import { milestoneLabel } from '../programme/cases/milestone-label.js';
import { cyclesOverdueForStudy } from '../programme/pdsa/queries.js';
import { enqueueDelivery } from '../deliveries/enqueue-delivery.js';
import { gapsOfGroup, plannedPassedGaps, type FoundGap } from '../digest/data-gaps.js';
import { groupMeasures, groupMilestones } from '../digest/group-measures.js';
import { STUDY_DUE_DAYS } from '../digest/study-due.js';
import { COLLECTIONS } from '../store/collections.js';
import type { StoredReply } from '../store/schemas/digest.js';
import type { PdsaCycle } from '../store/schemas/pdsa.js';
import type { Programme } from '../store/schemas/programme.js';
import type { Workspace } from '../store/schemas/workspace.js';
import { workspaceStore, type WorkspaceStore } from '../store/workspace-store.js';
import { plannedReminder, studyReminder } from './reminder-cards.js';
import { recorderFirst } from '../programme/nudges/recorder-first.js';

/** Reminders go out on working days from this local time, at most weekly per person and kind. */
export const REMINDER_TIME = '09:00';

/** Each owner of tests overdue for Study, with their tests. */
async function overdueByOwner(store: WorkspaceStore, now: Date): Promise<Map<string, PdsaCycle[]>> {
  const byOwner = new Map<string, PdsaCycle[]>();
  for (const cycle of await cyclesOverdueForStudy(store, now, STUDY_DUE_DAYS)) {
    byOwner.set(cycle.ownerId, [...(byOwner.get(cycle.ownerId) ?? []), cycle]);
  }
  return byOwner;
}

/** Each lead with the planned dates that passed undated in their groups. */
async function passedByLead(
  store: WorkspaceStore,
  programme: Programme,
  now: Date,
  today: string,
): Promise<Map<string, FoundGap[]>> {
  const [stored, groups, measures] = await Promise.all([
    store.cases.find({}, { projection: { caseRef: 1, milestones: 1, groupKey: 1 } }).toArray(),
    store.groups.find({}).toArray(),
    listMeasures(store, now),
  ]);
  const cases = toCaseMilestones(stored).map((c, i) => {
    const groupKey = stored[i]!.groupKey;
    return { ...c, ...(groupKey && { groupKey }) };
  });
  // Whoever recorded a plan is asked first ("did it happen?"); their lead hears after a week.
  const passed = await recorderFirst(store, plannedPassedGaps(cases, today, (key) => milestoneLabel(programme, key)), now);
  const byLead = new Map<string, FoundGap[]>();
  for (const group of groups) {
    const mine = gapsOfGroup(passed, group.key, groupMilestones(groupMeasures(group, measures)));
    for (const lead of group.leads) {
      byLead.set(lead, [...new Set([...(byLead.get(lead) ?? []), ...mine])]);
    }
  }
  return byLead;
}

/**
 * Queues this week's reminders for one programme: each owner of tests overdue for Study, and each
 * lead whose groups have planned dates that passed undated. Nobody away (or snoozed) is reminded;
 * the idempotency key (kind + person + ISO week) makes it once a week however often this runs.
 */
export async function planReminders(
  db: Db,
  programme: WithId<Programme>,
  now: Date,
): Promise<number> {
  const local = DateTime.fromJSDate(now, { zone: programme.timeZone });
  if (local.weekday > 5 || local.toFormat('HH:mm') < REMINDER_TIME) return 0;
  const occurrence = local.toFormat("kkkk-'W'WW");
  const today = local.toISODate()!;
  const { workspaceId } = programme;
  const store = workspaceStore(db, workspaceId);
  const workspaces = db.collection<Workspace>(COLLECTIONS.workspaces);
  const workspace = await workspaces.findOne({ _id: workspaceId });
  const platform = programme.championsChannel?.platform ?? workspace?.platform ?? 'web';
  const members = await store.members.find({}).toArray();
  const isAway = (m: (typeof members)[number]) => !!m.awayUntil && m.awayUntil > now;
  const away = new Set(members.filter(isAway).map((m) => m.userId));
  const queue = async (kind: string, id: string, replies: StoredReply[]) => {
    if (away.has(id)) return 0;
    const recipient = { platform, kind: 'user' as const, id };
    const sourceId = `${kind}:${id}`;
    const reminder = { workspaceId, kind: 'reminder' as const, sourceId, occurrence };
    return (await enqueueDelivery(db, { ...reminder, recipient, replies }, now)) ? 1 : 0;
  };
  let queued = 0;
  for (const [owner, cycles] of await overdueByOwner(store, now)) {
    queued += await queue('study', owner, studyReminder(cycles, today));
  }
  for (const [lead, gaps] of await passedByLead(store, programme, now, today)) {
    if (gaps.length > 0) queued += await queue('planned', lead, plannedReminder(gaps, await freeCaseRefExample(store, programme)));
  }
  return queued;
}
