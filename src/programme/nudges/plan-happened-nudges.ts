import { DateTime } from 'luxon';
import type { Db, WithId } from 'mongodb';
import { ignoreDuplicates } from '../../store/ignore-duplicates.js';
import type { Case } from '../../store/schemas/case.js';
import { NoticeSchema, type Notice } from '../../store/schemas/notice.js';
import type { Programme } from '../../store/schemas/programme.js';
import { workspaceStore, type WorkspaceStore } from '../../store/workspace-store.js';
import { catalogueOf } from '../cases/milestone-settings.js';
import { workspacePlatform } from '../notices/notice-recipient.js';
import { openNotice } from '../notices/open-notice.js';
import { queueNotice } from '../notices/queue-notice.js';
import { workingMorningDate } from '../notices/working-morning.js';
import { happenedCard } from './happened-card.js';
import { planRecorder } from './plan-recorder.js';

/**
 * Plans that passed longer ago than this are not asked about: after a quiet spell (or on the first
 * day a programme uses the bot) nobody gets a pile of old questions; the leads' weekly reminder
 * lists those.
 */
export const ASK_WITHIN_DAYS = 14;

const FIELD_SAFE = /^[a-z][a-z0-9_]{1,47}$/;

export interface PassedPlan {
  caseRef: string;
  groupKey?: string;
  milestone: string;
  planned: string;
}

export const happenedKey = (p: Pick<PassedPlan, 'caseRef' | 'milestone' | 'planned'>) =>
  `happened:${p.caseRef}:${p.milestone}:${p.planned}`;

/** Planned dates before today, and not before `earliest`, with no actual date recorded. */
export function passedPlans(
  cases: readonly Pick<Case, 'caseRef' | 'milestones' | 'groupKey'>[],
  today: string,
  earliest: string,
): PassedPlan[] {
  return cases.flatMap((c) =>
    Object.entries(c.milestones).flatMap(([milestone, dates]): PassedPlan[] => {
      const { planned, actual } = dates;
      if (!planned || actual || planned >= today || planned < earliest || !FIELD_SAFE.test(milestone)) return [];
      return [{ caseRef: c.caseRef, milestone, planned, ...(c.groupKey && { groupKey: c.groupKey }) }];
    }),
  );
}

/** Questions whose plan was answered another way (a date recorded, a new plan): nothing more to ask. */
async function closeAnswered(store: WorkspaceStore, now: Date): Promise<void> {
  const open = await store.notices.find({ kind: 'happened', status: 'open' }).toArray();
  if (open.length === 0) return;
  const refs = [...new Set(open.map((n) => n.caseRef!))];
  const cases = await store.cases.find({ caseRef: { $in: refs } }, { projection: { caseRef: 1, milestones: 1 } }).toArray();
  const answered = open.filter((n) => {
    const dates = cases.find((c) => c.caseRef === n.caseRef)?.milestones[n.milestone!];
    return !dates || !!dates.actual || dates.planned !== n.planned;
  });
  if (answered.length === 0) return;
  await store.notices.updateMany(
    { _id: { $in: answered.map((n) => n._id) }, status: 'open' },
    { $set: { status: 'closed', updatedAt: now } },
  );
}

function newNotice(plan: PassedPlan, recorder: Notice['recordedBy'] | null, now: Date): Notice {
  return NoticeSchema.parse({
    workspaceId: '',
    kind: 'happened',
    key: happenedKey(plan),
    caseRef: plan.caseRef,
    ...(plan.groupKey && { groupKey: plan.groupKey }),
    milestone: plan.milestone,
    planned: plan.planned,
    ...(recorder && { recordedBy: recorder }),
    // Nobody known to ask: the leads' weekly reminder lists the plan as before.
    holderIds: recorder ? [recorder.userId] : [],
    ...openNotice(now),
  });
}

/**
 * One programme's "did it happen?" questions, on a working morning: each plan whose date passed
 * (within the last fortnight) with nothing recorded since is asked about once, privately, to the
 * person who recorded it, through the deliveries' exactly-once machinery. Returns messages queued.
 */
export async function planHappenedNudges(db: Db, programme: WithId<Programme>, now: Date): Promise<number> {
  const today = workingMorningDate(now, programme.timeZone);
  if (!today) return 0;
  const store = workspaceStore(db, programme.workspaceId);
  await closeAnswered(store, now);
  const earliest = DateTime.fromISO(today, { zone: 'utc' }).minus({ days: ASK_WITHIN_DAYS }).toISODate()!;
  const cases = await store.cases.find({}, { projection: { caseRef: 1, milestones: 1, groupKey: 1 } }).toArray();
  const plans = passedPlans(cases, today, earliest);
  if (plans.length === 0) return 0;
  const known = new Set(await store.notices.distinct('key', { key: { $in: plans.map(happenedKey) } }));
  const fresh: Notice[] = [];
  for (const plan of plans.filter((p) => !known.has(happenedKey(p)))) {
    fresh.push({ ...newNotice(plan, await planRecorder(store, plan), now), workspaceId: store.workspaceId });
  }
  // Another instance may record the same question at the same moment: the unique key keeps one.
  if (fresh.length > 0) await store.notices.raw.insertMany(fresh, { ordered: false }).catch(ignoreDuplicates);
  const keys = new Set(plans.map(happenedKey));
  const due = (await store.notices.find({ kind: 'happened', status: 'open' }).toArray()).filter(
    (n) => n.queuedRound !== n.round && n.holderIds.length > 0 && keys.has(n.key),
  );
  if (due.length === 0) return 0;
  const platform = await workspacePlatform(db, programme);
  const catalogue = catalogueOf(programme);
  let queued = 0;
  for (const notice of due) {
    const card = happenedCard(
      { noticeId: notice._id.toHexString(), caseRef: notice.caseRef!, milestone: notice.milestone!, planned: notice.planned! },
      catalogue,
    );
    queued += await queueNotice(store, notice, platform, [{ kind: 'card', card: { ...card } }], now);
  }
  return queued;
}
