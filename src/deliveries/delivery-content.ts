import type { Db } from 'mongodb';
import type { Reply } from '../conversation/turn.js';
import { reviveReplies } from '../digest/stored-replies.js';
import { packReply } from '../meeting-pack/digest-pack.js';
import { NotFoundError } from '../errors.js';
import { COLLECTIONS } from '../store/collections.js';
import type { Delivery } from '../store/schemas/delivery.js';
import type { Digest } from '../store/schemas/digest.js';

/** What a delivery sends: its own replies, or its part of the stored digest. */
export async function deliveryReplies(db: Db, record: Delivery): Promise<Reply[]> {
  if (record.kind !== 'digest') return reviveReplies(record.replies ?? []);
  const digests = db.collection<Digest>(COLLECTIONS.digests);
  const digest = await digests.findOne({ _id: record.sourceId, workspaceId: record.workspaceId });
  if (!digest) {
    throw new NotFoundError('The digest this message belongs to is gone.', 'digest_missing');
  }
  if (record.part === 'channel') return [...reviveReplies(digest.channel, digest.images), ...packReply(digest)];
  const lead = digest.leads.find((l) => `lead:${l.userId}` === record.part);
  if (!lead) throw new NotFoundError('That lead has no part in the digest.', 'digest_part_missing');
  return reviveReplies(lead.replies, digest.images);
}
