import type { Db } from 'mongodb';
import type { Platform } from '../conversation/turn.js';
import type { Logger } from '../log.js';
import type { Notifier, NotifyTarget, SentMessage } from '../notify.js';
import type { Delivery } from '../store/schemas/delivery.js';
import { LostClaimError, updateClaimed, type ClaimedDelivery } from './claim-delivery.js';
import { deliveryReplies } from './delivery-content.js';
import { failAttempt, giveUp, RELEASE, skip } from './finish-delivery.js';
import { messageKey } from './message-key.js';
import { resolveConversation } from './resolve-conversation.js';
import { settleDigest } from './settle-digest.js';

export interface SendDeps {
  db: Db;
  notifiers: Partial<Record<Platform, Notifier>>;
  clock: () => Date;
  leaseMs: number;
  logger: Logger;
  /**
   * Test seam: runs after the platform accepted message `part` and before that is recorded — the
   * one moment where a crash leaves the outcome unknown.
   */
  afterSend?: (record: Delivery, part: number) => void | Promise<void>;
}

export type SendOutcome = 'sent' | 'retry' | 'failed' | 'uncertain' | 'skipped' | 'lost';

/*
 * Exactly once, message by message. A delivery is recorded (unique idempotency key) before anything
 * is sent, and is sent only under a claim: a lease with a fresh token, renewed before each message
 * and checked on every write, so a process that lost its lease stops. Before message i we record
 * `attemptingPart = i`; after the platform accepts it, `sentParts = i + 1`. A resumed delivery
 * (after an error, or taken over from a process that died) starts after `sentParts`, so what was
 * confirmed is never sent again. Only message `sentParts` can be in doubt — when `attemptingPart`
 * equals it, the sender may have died after the platform accepted it but before recording that.
 * Then we do not resend blindly: Slack is asked (conversations.history, looking for the message
 * metadata that carries this message's key) and we resend only if it is absent; Teams has no such
 * lookup, so the delivery is marked 'uncertain' and the admins are told, rather than risk a
 * duplicate in a channel.
 */
export async function sendDelivery(deps: SendDeps, record: ClaimedDelivery): Promise<SendOutcome> {
  const notifier = deps.notifiers[record.recipient.platform];
  if (!notifier) return skip(deps, record);
  const write = (update: Parameters<typeof updateClaimed>[2]) =>
    updateClaimed(deps.db, record, update);
  try {
    const replies = await deliveryReplies(deps.db, record);
    const conversationId =
      record.conversationId ?? (await resolveConversation(deps.db, notifier, record));
    const target: NotifyTarget = { workspaceId: record.workspaceId, conversationId };
    if (!record.conversationId) await write({ $set: { conversationId } });
    const messageIds = [...record.messageIds];
    let part = record.sentParts;
    if (record.attemptingPart === part && part < replies.length) {
      const found = await settleInFlight(notifier, target, record, part);
      if (found === 'uncertain') return giveUp(deps, record);
      if (found) {
        messageIds[part] = found.messageId ?? '';
        part++;
        await write({ $set: { sentParts: part, messageIds }, $unset: { attemptingPart: '' } });
      }
    }
    for (; part < replies.length; part++) {
      const now = deps.clock();
      const leaseUntil = new Date(now.getTime() + deps.leaseMs);
      await write({ $set: { attemptingPart: part, leaseUntil, updatedAt: now } });
      const idempotencyKey = messageKey(record.idempotencyKey, part);
      const sent = await notifier.send(target, [replies[part]!], { idempotencyKey });
      await deps.afterSend?.(record, part);
      messageIds[part] = (sent ?? [])[0]?.messageId ?? '';
      await write({
        $set: { sentParts: part + 1, messageIds, updatedAt: deps.clock() },
        $unset: { attemptingPart: '' },
      });
    }
    const now = deps.clock();
    await write({
      $set: { status: 'sent', sentAt: now, updatedAt: now },
      $unset: { ...RELEASE, lastError: '' },
    });
    await settleDigest(deps.db, record, now);
    return 'sent';
  } catch (error) {
    if (error instanceof LostClaimError) return 'lost';
    return failAttempt(deps, record, notifier, error);
  }
}

/** Whether the in-doubt message reached the conversation: found, absent (null), or unknowable. */
async function settleInFlight(
  notifier: Notifier,
  target: NotifyTarget,
  record: Delivery,
  part: number,
): Promise<SentMessage | null | 'uncertain'> {
  if (!notifier.findSent) return 'uncertain';
  return notifier.findSent(target, messageKey(record.idempotencyKey, part));
}
