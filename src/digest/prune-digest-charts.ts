import type { Db } from 'mongodb';
import { COLLECTIONS } from '../store/collections.js';
import type { Digest, StoredImage, StoredReply } from '../store/schemas/digest.js';

/** Meetings whose digests keep their charts: the last three, about four and a half months at six weeks. */
export const DEFAULT_CHARTS_KEPT_MEETINGS = 3;

/** In place of a chart no longer kept: its description, which says what the chart showed. */
function withoutImages(replies: readonly StoredReply[], images: readonly StoredImage[], keep: number): StoredReply[] {
  return replies.map((reply): StoredReply => {
    if (reply.kind !== 'image') return reply;
    const image = images[reply.image];
    const what = image?.title ? `${image.title}: ` : '';
    const alt = image?.alt ? ` ${image.alt}` : '';
    const note = `_Chart not kept: digests keep their charts for the last ${keep} meetings._`;
    return { kind: 'text', text: `${what}${note}${alt}`.slice(0, 40_000) };
  });
}

/**
 * Takes the chart images (about 1.85 MB a digest, issue 15) and the meeting pack out of a workspace's digests older than
 * its last `keep` meetings. Only digests every recipient has had ('sent'), so no delivery still
 * waiting for one loses its images; `digest show` for an old meeting still gives its text, with
 * each chart's description where the chart was. Returns how many digests it thinned.
 */
export async function pruneDigestCharts(db: Db, workspaceId: string, keep: number, now: Date): Promise<number> {
  const digests = db.collection<Digest>(COLLECTIONS.digests);
  // The oldest meeting still kept whole; digests are one per meeting, newest first by meeting date.
  const [oldestKept] = await digests
    .find({ workspaceId }, { sort: { meetingDate: -1 }, skip: Math.max(keep - 1, 0), limit: 1, projection: { meetingDate: 1 } })
    .toArray();
  if (!oldestKept) return 0;
  const old = await digests
    // The meeting pack (a PDF of much the same charts) goes with them; `meeting pack` rebuilds one.
    .find({ workspaceId, status: 'sent', meetingDate: { $lt: oldestKept.meetingDate }, $or: [{ 'images.0': { $exists: true } }, { pack: { $exists: true } }] })
    .toArray();
  for (const digest of old) {
    const channel = withoutImages(digest.channel, digest.images, keep);
    const leads = digest.leads.map((lead) => ({ ...lead, replies: withoutImages(lead.replies, digest.images, keep) }));
    const thinned = { channel, leads, images: [], chartsRemovedAt: now };
    await digests.updateOne({ _id: digest._id, workspaceId, status: 'sent' }, { $set: thinned, $unset: { pack: '' } });
  }
  return old.length;
}
