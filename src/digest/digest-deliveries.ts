import type { Db } from 'mongodb';
import { enqueueDelivery } from '../deliveries/enqueue-delivery.js';
import { COLLECTIONS } from '../store/collections.js';
import type { Recipient } from '../store/schemas/delivery.js';
import type { Digest } from '../store/schemas/digest.js';
import type { Programme } from '../store/schemas/programme.js';
import type { Workspace } from '../store/schemas/workspace.js';

/** What enqueueing reads of a digest: who gets a part, and which meeting it is for. */
export type DigestForDeliveries = Pick<Digest, '_id' | 'occurrence'> & { leads: Pick<Digest['leads'][number], 'userId'>[] };

/**
 * The channel post and each lead's direct message, as delivery records. Keyed by digest (which
 * names the meeting) and recipient, so enqueueing again adds nothing.
 */
export async function enqueueDigestDeliveries(
  db: Db,
  programme: Programme,
  digest: DigestForDeliveries,
  now: Date,
): Promise<void> {
  const { workspaceId, championsChannel } = programme;
  const workspaces = db.collection<Workspace>(COLLECTIONS.workspaces);
  const workspace = await workspaces.findOne({ _id: workspaceId });
  const platform = championsChannel?.platform ?? workspace?.platform ?? 'web';
  const { _id: sourceId, occurrence } = digest;
  const base = { workspaceId, kind: 'digest' as const, sourceId, occurrence };
  const targets: { part: string; recipient: Recipient }[] = digest.leads.map((lead) => ({
    part: `lead:${lead.userId}`,
    recipient: { platform, kind: 'user', id: lead.userId },
  }));
  if (championsChannel) {
    const { conversationId: id } = championsChannel;
    const recipient = { platform: championsChannel.platform, kind: 'channel' as const, id };
    targets.unshift({ part: 'channel', recipient });
  }
  for (const target of targets) await enqueueDelivery(db, { ...base, ...target }, now);
}
