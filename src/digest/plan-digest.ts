import type { Db, WithId } from 'mongodb';
import { enqueueDelivery } from '../deliveries/enqueue-delivery.js';
import { COLLECTIONS } from '../store/collections.js';
import type { Recipient } from '../store/schemas/delivery.js';
import { DigestSchema, type Digest, type StoredImage } from '../store/schemas/digest.js';
import type { Programme } from '../store/schemas/programme.js';
import type { Workspace } from '../store/schemas/workspace.js';
import { workspaceStore } from '../store/workspace-store.js';
import { buildDigest } from './build-digest.js';
import type { DigestSlot } from './due-digest.js';
import { renderDigest } from './render-digest.js';
import { storeReplies } from './stored-replies.js';

export interface PlanOptions {
  owner: string;
  now: Date;
  /** How long a build may take before another instance takes it over (its builder died). */
  buildLeaseMs: number;
}

export type PlanOutcome = 'planned' | 'exists' | 'busy';

export const digestId = (workspaceId: string, occurrence: string) => `${workspaceId}:${occurrence}`;

/**
 * Makes sure the digest for a due meeting exists and its deliveries are recorded. The digest's id is
 * its meeting occurrence, so only one instance builds it; one that died mid-build is taken over when
 * its lease lapses. Deliveries are enqueued under idempotency keys, so doing it again adds nothing.
 */
export async function planDigest(db: Db, programme: WithId<Programme>, slot: DigestSlot, options: PlanOptions): Promise<PlanOutcome> {
  const digests = db.collection<Digest>(COLLECTIONS.digests);
  const id = digestId(programme.workspaceId, slot.meeting.scheduledDate);
  const build = { by: options.owner, until: new Date(options.now.getTime() + options.buildLeaseMs) };
  const claimed = await claimBuild(db, programme, slot, id, build, options.now);
  if (!claimed) {
    const existing = await digests.findOne({ _id: id });
    if (!existing || existing.status === 'building') return 'busy';
    await enqueueDigestDeliveries(db, programme, existing, options.now);
    return 'exists';
  }
  const store = workspaceStore(db, programme.workspaceId);
  const model = await buildDigest(store, programme, { at: slot.meeting.at, localDate: slot.meeting.localDate }, options.now);
  const rendered = renderDigest(model);
  const images: StoredImage[] = [];
  const seen = new Map<Buffer, number>();
  const channel = storeReplies(rendered.channel, images, seen);
  const leads = rendered.leads.map((l) => ({ userId: l.userId, groupKeys: l.groupKeys, replies: storeReplies(l.replies, images, seen) }));
  const questionIds = model.groups.flatMap((g) => g.questions.map((q) => q.id));
  const done = await digests.findOneAndUpdate(
    { _id: id, status: 'building', 'build.by': options.owner },
    { $set: { status: 'queued', channel, leads, images, questionIds, since: model.since, builtAt: options.now }, $unset: { build: '' } },
    { returnDocument: 'after' },
  );
  if (!done) return 'busy'; // our lease lapsed and someone else builds it now
  await store.prompts.updateMany({ kind: 'question', status: 'active', number: { $in: model.groups.flatMap((g) => g.questions.map((q) => q.number)) } }, { $set: { status: 'done', usedInDigest: id, updatedAt: options.now } });
  await enqueueDigestDeliveries(db, programme, done, options.now);
  return 'planned';
}

/** Inserts the digest in 'building' state, or takes over a build whose lease lapsed. */
async function claimBuild(db: Db, programme: Programme, slot: DigestSlot, id: string, build: { by: string; until: Date }, now: Date): Promise<boolean> {
  const digests = db.collection<Digest>(COLLECTIONS.digests);
  const fresh = DigestSchema.parse({
    _id: id,
    workspaceId: programme.workspaceId,
    occurrence: slot.meeting.scheduledDate,
    meetingDate: slot.meeting.at,
    meetingLocalDate: slot.meeting.localDate,
    dueAt: slot.dueAt,
    since: null,
    status: 'building',
    build,
    createdAt: now,
  });
  try {
    await digests.insertOne(fresh);
    return true;
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
  }
  const taken = await digests.findOneAndUpdate({ _id: id, status: 'building', 'build.until': { $lt: now } }, { $set: { build } });
  return taken !== null;
}

/** The channel post and each lead's direct message, as delivery records. */
async function enqueueDigestDeliveries(db: Db, programme: Programme, digest: Digest, now: Date): Promise<void> {
  const workspace = await db.collection<Workspace>(COLLECTIONS.workspaces).findOne({ _id: programme.workspaceId });
  const platform = programme.championsChannel?.platform ?? workspace?.platform ?? 'web';
  const base = { workspaceId: programme.workspaceId, kind: 'digest' as const, sourceId: digest._id, occurrence: digest.occurrence };
  const targets: { part: string; recipient: Recipient }[] = [
    ...(programme.championsChannel ? [{ part: 'channel', recipient: { platform: programme.championsChannel.platform, kind: 'channel' as const, id: programme.championsChannel.conversationId } }] : []),
    ...digest.leads.map((lead) => ({ part: `lead:${lead.userId}`, recipient: { platform, kind: 'user' as const, id: lead.userId } })),
  ];
  for (const target of targets) await enqueueDelivery(db, { ...base, ...target }, now);
}
