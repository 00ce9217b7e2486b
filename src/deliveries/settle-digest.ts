import type { Db } from 'mongodb';
import { COLLECTIONS } from '../store/collections.js';
import type { Delivery } from '../store/schemas/delivery.js';
import type { Digest } from '../store/schemas/digest.js';
import { deliveriesCollection } from './deliveries-collection.js';

/** Once none of a digest's deliveries is still pending or sending, the digest counts as sent. */
export async function settleDigest(db: Db, record: Delivery, now: Date): Promise<void> {
  if (record.kind !== 'digest') return;
  const open = await deliveriesCollection(db).countDocuments({
    workspaceId: record.workspaceId,
    kind: 'digest',
    sourceId: record.sourceId,
    status: { $in: ['pending', 'sending'] },
  });
  if (open > 0) return;
  const digests = db.collection<Digest>(COLLECTIONS.digests);
  const { sourceId: _id, workspaceId } = record;
  const sent = { $set: { status: 'sent' as const, sentAt: now } };
  await digests.updateOne({ _id, workspaceId, status: 'queued' }, sent);
}
