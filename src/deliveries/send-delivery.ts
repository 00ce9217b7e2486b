import type { Db } from 'mongodb';
import type { Platform } from '../conversation/turn.js';
import { AppError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Notifier, NotifyTarget, SentMessage } from '../notify.js';
import type { Delivery } from '../store/schemas/delivery.js';
import { alertAdmins } from './alert-admins.js';
import { LostClaimError, updateClaimed, type ClaimedDelivery } from './claim-delivery.js';
import { deliveryReplies } from './delivery-content.js';
import { messageKey } from './message-key.js';
import { resolveConversation } from './resolve-conversation.js';
import { MAX_ATTEMPTS, retryDelayMs } from './retry-policy.js';
import { settleDigest } from './settle-digest.js';

export interface SendDeps {
  db: Db;
  notifiers: Partial<Record<Platform, Notifier>>;
  clock: () => Date;
  leaseMs: number;
  logger: Logger;
  /**
   * Test seam: runs after the platform accepted message `part` and before that is recorded — the one
   * moment where a crash leaves the outcome unknown.
   */
  afterSend?: (record: Delivery, part: number) => void | Promise<void>;
}

export type SendOutcome = 'sent' | 'retry' | 'failed' | 'uncertain' | 'skipped' | 'lost';

const RELEASE = { claim: '', claimedBy: '', leaseUntil: '' } as const;

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
  try {
    const replies = await deliveryReplies(deps.db, record);
    const conversationId = record.conversationId ?? (await resolveConversation(deps.db, notifier, record));
    const target: NotifyTarget = { workspaceId: record.workspaceId, conversationId };
    if (!record.conversationId) await updateClaimed(deps.db, record, { $set: { conversationId } });
    const messageIds = [...record.messageIds];
    let part = record.sentParts;
    if (record.attemptingPart === part && part < replies.length) {
      const found = await settleInFlight(notifier, target, record, part);
      if (found === 'uncertain') return giveUp(deps, record, 'uncertain');
      if (found) {
        messageIds[part] = found.messageId ?? '';
        part++;
        await updateClaimed(deps.db, record, { $set: { sentParts: part, messageIds }, $unset: { attemptingPart: '' } });
      }
    }
    for (; part < replies.length; part++) {
      const now = deps.clock();
      await updateClaimed(deps.db, record, { $set: { attemptingPart: part, leaseUntil: new Date(now.getTime() + deps.leaseMs), updatedAt: now } });
      const sent = await notifier.send(target, [replies[part]!], { idempotencyKey: messageKey(record.idempotencyKey, part) });
      await deps.afterSend?.(record, part);
      messageIds[part] = (sent ?? [])[0]?.messageId ?? '';
      await updateClaimed(deps.db, record, { $set: { sentParts: part + 1, messageIds, updatedAt: deps.clock() }, $unset: { attemptingPart: '' } });
    }
    const now = deps.clock();
    await updateClaimed(deps.db, record, { $set: { status: 'sent', sentAt: now, updatedAt: now }, $unset: { ...RELEASE, lastError: '' } });
    await settleDigest(deps.db, record, now);
    return 'sent';
  } catch (error) {
    if (error instanceof LostClaimError) return 'lost';
    return failAttempt(deps, record, notifier, error);
  }
}

/** Whether the in-doubt message reached the conversation: found, absent (null), or unknowable. */
async function settleInFlight(notifier: Notifier, target: NotifyTarget, record: Delivery, part: number): Promise<SentMessage | null | 'uncertain'> {
  if (!notifier.findSent) return 'uncertain';
  return notifier.findSent(target, messageKey(record.idempotencyKey, part));
}

function errorFields(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.userMessage.slice(0, 1000) };
  return { code: 'send_failed', message: (error instanceof Error ? error.message : String(error)).slice(0, 1000) };
}

/**
 * A failed attempt: back to pending with a longer wait, or after MAX_ATTEMPTS, failed and reported.
 * Where the adapter can look a message up, the interrupted message stays marked in flight so the next
 * attempt asks the platform first; elsewhere the platform's refusal is taken at its word.
 */
async function failAttempt(deps: SendDeps, record: ClaimedDelivery, notifier: Notifier, error: unknown): Promise<SendOutcome> {
  const now = deps.clock();
  const attempts = record.attempts + 1;
  const lastError = errorFields(error);
  deps.logger.warn({ code: lastError.code, kind: record.kind, workspaceId: record.workspaceId, attempts }, 'delivery attempt failed');
  const release: Record<string, ''> = notifier.findSent ? { ...RELEASE } : { ...RELEASE, attemptingPart: '' };
  try {
    if (attempts >= MAX_ATTEMPTS) {
      await updateClaimed(deps.db, record, { $set: { status: 'failed', attempts, lastError, updatedAt: now }, $unset: release });
      await alertAdmins(deps.db, { ...record, attempts, lastError }, 'failed', now);
      await settleDigest(deps.db, record, now);
      return 'failed';
    }
    const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts));
    await updateClaimed(deps.db, record, { $set: { status: 'pending', attempts, lastError, nextAttemptAt, updatedAt: now }, $unset: release });
    return 'retry';
  } catch (writeError) {
    if (writeError instanceof LostClaimError) return 'lost';
    throw writeError;
  }
}

async function giveUp(deps: SendDeps, record: ClaimedDelivery, status: 'uncertain'): Promise<SendOutcome> {
  const now = deps.clock();
  await updateClaimed(deps.db, record, { $set: { status, updatedAt: now }, $unset: RELEASE });
  await alertAdmins(deps.db, record, status, now);
  await settleDigest(deps.db, record, now);
  deps.logger.warn({ code: 'delivery_uncertain', kind: record.kind, workspaceId: record.workspaceId }, 'delivery interrupted; not resent');
  return status;
}

async function skip(deps: SendDeps, record: ClaimedDelivery): Promise<SendOutcome> {
  const now = deps.clock();
  const lastError = { code: 'no_notifier', message: `No ${record.recipient.platform} adapter can send proactive messages here.` };
  await updateClaimed(deps.db, record, { $set: { status: 'skipped', lastError, updatedAt: now }, $unset: RELEASE });
  await settleDigest(deps.db, record, now);
  return 'skipped';
}
