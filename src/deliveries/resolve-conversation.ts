import type { Db } from 'mongodb';
import { NotFoundError } from '../errors.js';
import type { Notifier } from '../notify.js';
import { COLLECTIONS } from '../store/collections.js';
import type { Delivery } from '../store/schemas/delivery.js';
import type { Member } from '../store/schemas/member.js';

interface StoredRef {
  platform: string;
  workspaceId: string;
  conversationId: string;
  kind: string;
  userId?: string;
}

/**
 * The conversation a delivery goes to. A channel is its own id; a person is reached in their direct
 * conversation with the bot: opened by the adapter where the platform allows it (Slack), else the
 * one stored when they last wrote to the bot (Teams conversation references, or the member record).
 */
export async function resolveConversation(
  db: Db,
  notifier: Notifier,
  record: Delivery,
): Promise<string> {
  const { recipient, workspaceId } = record;
  if (recipient.kind === 'channel') return recipient.id;
  if (notifier.directConversation) return notifier.directConversation(workspaceId, recipient.id);
  const ref = await db
    .collection<StoredRef>(COLLECTIONS.conversationRefs)
    .findOne(
      { platform: recipient.platform, workspaceId, userId: recipient.id, kind: 'direct' },
      { sort: { updatedAt: -1 } },
    );
  if (ref) return ref.conversationId;
  const members = db.collection<Member>(COLLECTIONS.members);
  const member = await members.findOne({ workspaceId, userId: recipient.id });
  if (member?.directConversationId) return member.directConversationId;
  throw new NotFoundError(
    'That person has never written to the bot directly, so it has no chat with them to post in.',
    'no_direct_conversation',
  );
}
