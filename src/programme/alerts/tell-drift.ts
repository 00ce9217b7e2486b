import { ObjectId, type WithId } from 'mongodb';
import { enqueueDelivery, idempotencyKey, type NewDelivery } from '../../deliveries/enqueue-delivery.js';
import type { Recipient } from '../../store/schemas/delivery.js';
import type { StoredReply } from '../../store/schemas/digest.js';
import type { Notice } from '../../store/schemas/notice.js';
import type { Programme } from '../../store/schemas/programme.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';
import { catalogueOf } from '../cases/milestone-settings.js';
import { groupNames } from '../export/group-names.js';
import { workspacePlatform } from '../notices/notice-recipient.js';
import { noticeSource } from '../notices/queue-notice.js';
import { driftCardReplies } from './drift-card-replies.js';
import { driftListText } from './drift-list.js';

/**
 * A holder with more alerts than this to tell in one run (not counting any already claimed for
 * them) gets them in one list, not a message each.
 */
export const LIST_ABOVE = 3;

/**
 * A list claimed longer ago than this whose message is not queued was left by a run that stopped
 * between the two writes: the next run queues it. Younger ones may still be being written by
 * another instance, whose list must not be sent before it has claimed all it will hold.
 */
export const LIST_REPAIR_AFTER_MS = 10 * 60_000;

interface Round {
  store: WorkspaceStore;
  programme: Programme;
  platform: Recipient['platform'];
  today: string;
  now: Date;
}

type Claim = NonNullable<Notice['toldTo']>[number];
const claimFor = (notice: Notice, userId: string): Claim | undefined => notice.toldTo?.find((t) => t.userId === userId);

/** A drift alert's own card to one holder: keyed (notice, holder, round), as every notice is. */
const cardDelivery = (r: Round, notice: WithId<Notice>, id: string, replies: StoredReply[]): NewDelivery => ({
  workspaceId: r.store.workspaceId,
  kind: 'reminder',
  sourceId: noticeSource(notice),
  occurrence: `round-${notice.round}`,
  recipient: { platform: r.platform, kind: 'user', id },
  replies,
});

/** A morning's list to one holder: keyed by the list's id, the same id its alerts were claimed under. */
const listDelivery = (r: Round, list: string, id: string, replies: StoredReply[] = []): NewDelivery => ({
  workspaceId: r.store.workspaceId,
  kind: 'reminder',
  sourceId: `drift-list:${list}`,
  occurrence: 'list',
  recipient: { platform: r.platform, kind: 'user', id },
  replies,
});

/** Holders who are away now: they are left out of this round, as for every notice. */
async function awayIds(store: WorkspaceStore, notices: readonly Notice[], now: Date): Promise<Set<string>> {
  const ids = [...new Set(notices.flatMap((n) => n.holderIds))];
  const away = await store.members.find({ userId: { $in: ids }, awayUntil: { $gt: now } }, { projection: { userId: 1 } }).toArray();
  return new Set(away.map((m) => m.userId));
}

/**
 * Claims, under one new list, every alert of a holder's not yet claimed for them (by this run or
 * another instance: the condition keeps each (alert, holder, round) in one message).
 */
async function claimList(r: Round, holder: string, theirs: readonly WithId<Notice>[]): Promise<string> {
  const list = new ObjectId().toHexString();
  await r.store.notices.updateMany(
    { $or: theirs.map((n) => ({ _id: n._id, round: n.round })), status: 'open', 'toldTo.userId': { $ne: holder } },
    { $push: { toldTo: { userId: holder, list, at: r.now } } },
  );
  return list;
}

/**
 * Queues the lists this run claimed, and any a stopped run claimed long enough ago; returns the
 * lists known to be queued (however they got there) and how many messages this run added.
 */
async function queueLists(r: Round, notices: readonly WithId<Notice>[], ours: ReadonlySet<string>): Promise<{ listed: Set<string>; queued: number }> {
  const lists = new Map<string, Claim>();
  for (const claim of notices.flatMap((n) => n.toldTo ?? [])) if (claim.list) lists.set(claim.list, claim);
  const listed = new Set<string>();
  let queued = 0;
  const catalogue = catalogueOf(r.programme);
  // Read only when a list is written: most runs have none.
  let names: ReadonlyMap<string, string> | undefined;
  for (const [list, claim] of lists) {
    const stale = r.now.getTime() - claim.at.getTime() >= LIST_REPAIR_AFTER_MS;
    if (!ours.has(list) && !stale) {
      // Another instance's list, being written now: told once it is queued, which a later run sees.
      const key = idempotencyKey(listDelivery(r, list, claim.userId));
      if (await r.store.deliveries.findOne({ idempotencyKey: key }, { projection: { _id: 1 } })) listed.add(list);
      continue;
    }
    const held = await r.store.notices.find({ 'toldTo.list': list, status: 'open' }).toArray();
    if (held.length > 0) {
      names ??= await groupNames(r.store);
      const replies: StoredReply[] = [{ kind: 'text', text: driftListText(held, catalogue, r.today, names) }];
      if (await enqueueDelivery(r.store.db, listDelivery(r, list, claim.userId, replies), r.now)) queued++;
    }
    listed.add(list);
  }
  return { listed, queued };
}

/**
 * Tells one alert's round to each holder here who is not in a list: claimed, then its card queued
 * (a repeat finds the same record). Returns messages queued and whether every holder here is told.
 */
async function tellEach(r: Round, notice: WithId<Notice>, here: readonly string[], listed: ReadonlySet<string>): Promise<{ queued: number; all: boolean }> {
  let queued = 0;
  let told = 0;
  let replies: StoredReply[] | undefined;
  for (const holder of here) {
    let claim = claimFor(notice, holder);
    if (!claim) {
      const { modifiedCount } = await r.store.notices.updateOne(
        { _id: notice._id, round: notice.round, status: 'open', 'toldTo.userId': { $ne: holder } },
        { $push: { toldTo: { userId: holder, at: r.now } } },
      );
      // Claimed elsewhere meanwhile (another instance's list, say): the next run sees how.
      if (modifiedCount === 0) continue;
      claim = { userId: holder, at: r.now };
    }
    if (claim.list) {
      if (listed.has(claim.list)) told++;
      continue;
    }
    replies ??= await driftCardReplies(r.store, r.programme, notice, r.today);
    if (await enqueueDelivery(r.store.db, cardDelivery(r, notice, holder, replies), r.now)) queued++;
    told++;
  }
  return { queued, all: told === here.length };
}

/**
 * Queues this round of each drift alert to whoever holds it, privately, through the deliveries'
 * exactly-once machinery. A holder with more than LIST_ABOVE alerts still to tell (the first morning,
 * when many children are already past their time) gets one list instead of a message each. Each
 * holder is claimed on the alert before anything is queued, so a retry, a second run or a second
 * instance finds the claim and tells no one twice; the round is marked queued once every holder
 * here is told. Holders who are away are left out; if nobody could be told, the round stays
 * unqueued and the next run tries again. Returns the number of messages queued.
 */
export async function tellDriftRound(
  store: WorkspaceStore,
  programme: Programme,
  notices: readonly WithId<Notice>[],
  today: string,
  now: Date,
): Promise<number> {
  const due = notices.filter((n) => n.status === 'open' && n.queuedRound !== n.round);
  if (due.length === 0) return 0;
  const r: Round = { store, programme, platform: await workspacePlatform(store.db, programme), today, now };
  const away = await awayIds(store, due, now);
  const hereOf = (n: Notice) => n.holderIds.filter((id) => !away.has(id));
  const ours = new Set<string>();
  for (const holder of new Set(due.flatMap(hereOf))) {
    // Only what is still to tell them: alerts a stopped run already claimed for them go with its
    // list (or card), so a few left over are told by their own cards, not by a "list" of one.
    const theirs = due.filter((n) => hereOf(n).includes(holder) && !claimFor(n, holder));
    if (theirs.length > LIST_ABOVE) ours.add(await claimList(r, holder, theirs));
  }
  // The alerts as the claims left them (this run's, and any another run made).
  const current = await store.notices.find({ _id: { $in: due.map((n) => n._id) } }).toArray();
  const lists = await queueLists(r, current, ours);
  let queued = lists.queued;
  for (const notice of current) {
    const here = hereOf(notice);
    if (notice.status !== 'open' || notice.queuedRound === notice.round || here.length === 0) continue;
    const told = await tellEach(r, notice, here, lists.listed);
    queued += told.queued;
    if (!told.all) continue;
    await store.notices.updateOne(
      { _id: notice._id, round: notice.round },
      { $set: { queuedRound: notice.round, ...(!notice.askedAt && { askedAt: now }), updatedAt: now } },
    );
  }
  return queued;
}

/** One alert's round, told at once (when it is handed on): its card to whoever holds it now. */
export function tellDrift(store: WorkspaceStore, programme: Programme, notice: WithId<Notice>, today: string, now: Date): Promise<number> {
  return tellDriftRound(store, programme, [notice], today, now);
}
