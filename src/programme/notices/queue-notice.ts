import type { WithId } from 'mongodb';
import { enqueueDelivery } from '../../deliveries/enqueue-delivery.js';
import type { Recipient } from '../../store/schemas/delivery.js';
import type { StoredReply } from '../../store/schemas/digest.js';
import type { Notice } from '../../store/schemas/notice.js';
import type { WorkspaceStore } from '../../store/workspace-store.js';

/** The delivery's source for a notice: its id, never the child's reference. */
export const noticeSource = (notice: WithId<Notice>) => `notice:${notice._id.toHexString()}`;

/**
 * Queues this round of a notice to each of its holders, by direct message, through the deliveries'
 * exactly-once machinery: the key is (notice, holder, round), so a retry, a second run or a second
 * instance finds the record instead of sending again. Holders who are away are left out; if nobody
 * could be told, the round stays unqueued and the next run tries again. Returns the number queued.
 */
export async function queueNotice(
  store: WorkspaceStore,
  notice: WithId<Notice>,
  platform: Recipient['platform'],
  replies: StoredReply[],
  now: Date,
): Promise<number> {
  if (notice.status !== 'open' || notice.queuedRound === notice.round) return 0;
  const holders = await store.members.find({ userId: { $in: notice.holderIds } }).toArray();
  const here = notice.holderIds.filter((id) => {
    const member = holders.find((m) => m.userId === id);
    return !(member?.awayUntil && member.awayUntil > now);
  });
  if (here.length === 0) return 0;
  let queued = 0;
  for (const id of here) {
    const added = await enqueueDelivery(
      store.db,
      {
        workspaceId: store.workspaceId,
        kind: 'reminder',
        sourceId: noticeSource(notice),
        occurrence: `round-${notice.round}`,
        recipient: { platform, kind: 'user', id },
        replies,
      },
      now,
    );
    if (added) queued++;
  }
  const asked = notice.askedAt ? {} : { askedAt: now };
  await store.notices.updateOne(
    { _id: notice._id, round: notice.round },
    { $set: { queuedRound: notice.round, ...asked, updatedAt: now } },
  );
  return queued;
}
