import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { Reply } from '../../src/conversation/turn.js';
import type { Notifier, NotifyTarget, SendOptions, SentMessage } from '../../src/notify.js';
import { ignoreDuplicates } from '../../src/store/ignore-duplicates.js';
import { renderReplies } from './render-replies.js';
import { webMessages } from './web-messages.js';

/**
 * Proactive messages for the local chat: digests and coach prompts go through the same delivery
 * records, claims and retries as on Slack and Teams, and land in the local conversation's log. Each
 * message is stored under its delivery's message key (unique), so a send repeated after a crash
 * never posts twice, and `findSent` finds one cut off before it was recorded — as Slack's history.
 */
export function createWebNotifier(db: Db): Notifier {
  return {
    platform: 'web',
    async send(target: NotifyTarget, replies: Reply[], options: SendOptions = {}): Promise<SentMessage[]> {
      const sent: SentMessage[] = [];
      for (const [i, reply] of renderReplies(replies).entries()) {
        const key = options.idempotencyKey && (replies.length === 1 ? options.idempotencyKey : `${options.idempotencyKey}:${i}`);
        const messageId = `web-msg-${randomUUID()}`;
        const message = { workspaceId: target.workspaceId, conversationId: target.conversationId, messageId, reply, at: new Date(), ...(key ? { key } : {}) };
        const inserted = await webMessages(db).insertOne(message).then(() => true, ignoreDuplicates);
        const kept = inserted === true ? messageId : (await webMessages(db).findOne({ workspaceId: target.workspaceId, key }))?.messageId;
        sent.push({ messageId: kept ?? messageId });
      }
      return sent;
    },
    async directConversation(_workspaceId: string, userId: string): Promise<string> {
      return `web-${userId}`;
    },
    async findSent(target: NotifyTarget, idempotencyKey: string): Promise<SentMessage | null> {
      const found = await webMessages(db).findOne({ workspaceId: target.workspaceId, conversationId: target.conversationId, key: idempotencyKey });
      return found ? { messageId: found.messageId } : null;
    },
  };
}
