import type { Programme } from '../store/schemas/programme.js';
import type { StoredImage, StoredPack } from '../store/schemas/digest.js';
import type { StoredReply } from '../store/schemas/digest.js';
import type { WorkspaceStore } from '../store/workspace-store.js';
import { packForDigest } from '../meeting-pack/digest-pack.js';
import { buildDigest, type DigestMeeting } from './build-digest.js';
import { renderDigest } from './render-digest.js';
import { storeReplies } from './stored-replies.js';

/** A digest as the planning run stores it: everything but its status and build lease. */
export interface ComposedDigest {
  channel: StoredReply[];
  leads: { userId: string; groupKeys: string[]; replies: StoredReply[] }[];
  images: StoredImage[];
  pack: StoredPack;
  questionIds: string[];
  /** The coach questions it carries, by number, to mark as used once it is stored. */
  questionNumbers: number[];
  since: Date | null;
}

/** Composes one programme's digest for a meeting; the digest process runs this (digest-process.ts). */
export type DigestComposer = (
  store: WorkspaceStore,
  programme: Programme,
  meeting: DigestMeeting,
  now: Date,
) => Promise<ComposedDigest>;

/**
 * The CPU-heavy part of planning a digest: the model (measures, charts), its channel and lead
 * messages with each PNG stored once, and the meeting pack. Reads the store; writes nothing.
 */
export const composeDigest: DigestComposer = async (store, programme, meeting, now) => {
  const model = await buildDigest(store, programme, meeting, now);
  const rendered = renderDigest(model);
  const images: StoredImage[] = [];
  const seen = new Map<Buffer, number>();
  const channel = storeReplies(rendered.channel, images, seen);
  const leads = rendered.leads.map(({ userId, groupKeys, replies }) => ({
    userId,
    groupKeys,
    replies: storeReplies(replies, images, seen),
  }));
  const questions = model.groups.flatMap((g) => g.questions);
  // The meeting pack goes out with the channel's part (see deliveryReplies).
  const pack = await packForDigest(model, programme);
  return {
    channel,
    leads,
    images,
    pack,
    questionIds: questions.map((q) => q.id),
    questionNumbers: questions.map((q) => q.number),
    since: model.since,
  };
};
