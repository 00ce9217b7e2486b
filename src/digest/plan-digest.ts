import type { Db, WithId } from 'mongodb';
import { COLLECTIONS } from '../store/collections.js';
import { DigestSchema, type Digest } from '../store/schemas/digest.js';
import type { Programme } from '../store/schemas/programme.js';
import { workspaceStore } from '../store/workspace-store.js';
import { composeDigest, type DigestComposer } from './compose-digest.js';
import { enqueueDigestDeliveries } from './digest-deliveries.js';
import type { DigestSlot } from './due-digest.js';

export interface PlanOptions {
  owner: string;
  now: Date;
  /** How long a build may take before another instance takes it over (its builder died). */
  buildLeaseMs: number;
  /** Builds the digest's content; default in this process, the scheduler's is the digest process (digest-worker-pool.ts). */
  compose?: DigestComposer;
}

export type PlanOutcome = 'planned' | 'exists' | 'busy';

/**
 * What enqueueing deliveries reads of a digest. Not its charts and pack: read back whole, a digest's
 * megabyte or two of images would be encoded, sent and decoded again only to be dropped.
 */
const FOR_DELIVERIES = { _id: 1, status: 1, occurrence: 1, 'leads.userId': 1 } as const;

export const digestId = (workspaceId: string, occurrence: string) => `${workspaceId}:${occurrence}`;

type Build = { by: string; until: Date };

/**
 * Makes sure the digest for a due meeting exists and its deliveries are recorded. The digest's id
 * is its meeting occurrence, so only one instance builds it; one that died mid-build is taken over
 * when its lease lapses. Deliveries are enqueued under idempotency keys: doing it again adds
 * nothing.
 */
export async function planDigest(
  db: Db,
  programme: WithId<Programme>,
  slot: DigestSlot,
  options: PlanOptions,
): Promise<PlanOutcome> {
  const { owner, now } = options;
  const digests = db.collection<Digest>(COLLECTIONS.digests);
  const id = digestId(programme.workspaceId, slot.meeting.scheduledDate);
  const build = { by: owner, until: new Date(now.getTime() + options.buildLeaseMs) };
  if (!(await claimBuild(db, programme, slot, id, build, now))) {
    const existing = await digests.findOne({ _id: id }, { projection: FOR_DELIVERIES });
    if (!existing || existing.status === 'building') return 'busy';
    // A builder that died after building but before enqueueing leaves a queued digest to finish.
    if (existing.status === 'queued') await enqueueDigestDeliveries(db, programme, existing, now);
    return 'exists';
  }
  const store = workspaceStore(db, programme.workspaceId);
  const meeting = { at: slot.meeting.at, localDate: slot.meeting.localDate };
  const compose = options.compose ?? composeDigest;
  const { questionNumbers, ...built } = await compose(store, programme, meeting, now);
  const done = await digests.findOneAndUpdate(
    { _id: id, status: 'building', 'build.by': owner },
    { $set: { ...built, status: 'queued', builtAt: now }, $unset: { build: '' } },
    { returnDocument: 'after', projection: FOR_DELIVERIES },
  );
  if (!done) return 'busy'; // our lease lapsed and someone else builds it now
  const numbers = { $in: questionNumbers };
  const asked = { kind: 'question' as const, status: 'active' as const, number: numbers };
  const used = { status: 'done' as const, usedInDigest: id, updatedAt: now };
  await store.prompts.updateMany(asked, { $set: used });
  await enqueueDigestDeliveries(db, programme, done, now);
  return 'planned';
}

/** Inserts the digest in 'building' state, or takes over a build whose lease lapsed. */
async function claimBuild(
  db: Db,
  programme: Programme,
  slot: DigestSlot,
  id: string,
  build: Build,
  now: Date,
): Promise<boolean> {
  const digests = db.collection<Digest>(COLLECTIONS.digests);
  const { meeting, dueAt } = slot;
  const fresh = DigestSchema.parse({
    _id: id,
    workspaceId: programme.workspaceId,
    occurrence: meeting.scheduledDate,
    meetingDate: meeting.at,
    meetingLocalDate: meeting.localDate,
    dueAt,
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
  const lapsed = { _id: id, status: 'building' as const, 'build.until': { $lt: now } };
  return (await digests.findOneAndUpdate(lapsed, { $set: { build } })) !== null;
}
