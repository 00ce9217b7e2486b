import { AppError } from '../errors.js';
import type { Notifier } from '../notify.js';
import { alertAdmins } from './alert-admins.js';
import { LostClaimError, updateClaimed, type ClaimedDelivery } from './claim-delivery.js';
import { MAX_ATTEMPTS, retryDelayMs } from './retry-policy.js';
import type { SendDeps, SendOutcome } from './send-delivery.js';
import { settleDigest } from './settle-digest.js';

/** The claim's fields, removed when a delivery leaves 'sending'. */
export const RELEASE = { claim: '', claimedBy: '', leaseUntil: '' } as const;

function errorFields(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) {
    return { code: error.code, message: error.userMessage.slice(0, 1000) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'send_failed', message: message.slice(0, 1000) };
}

/**
 * A failed attempt: back to pending with a longer wait, or after MAX_ATTEMPTS, failed and reported.
 * Where the adapter can look a message up, the interrupted message stays marked in flight so the
 * next attempt asks the platform first; elsewhere the platform's refusal is taken at its word.
 */
export async function failAttempt(
  deps: SendDeps,
  record: ClaimedDelivery,
  notifier: Notifier,
  error: unknown,
): Promise<SendOutcome> {
  const now = deps.clock();
  const attempts = record.attempts + 1;
  const lastError = errorFields(error);
  const { kind, workspaceId } = record;
  deps.logger.warn({ code: lastError.code, kind, workspaceId, attempts }, 'delivery failed');
  const release: Record<string, ''> = notifier.findSent
    ? { ...RELEASE }
    : { ...RELEASE, attemptingPart: '' };
  try {
    if (attempts >= MAX_ATTEMPTS) {
      const failed = { status: 'failed' as const, attempts, lastError, updatedAt: now };
      await updateClaimed(deps.db, record, { $set: failed, $unset: release });
      await alertAdmins(deps.db, { ...record, attempts, lastError }, 'failed', now);
      await settleDigest(deps.db, record, now);
      return 'failed';
    }
    const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts));
    const pending = { status: 'pending' as const, attempts, lastError, nextAttemptAt };
    await updateClaimed(deps.db, record, { $set: { ...pending, updatedAt: now }, $unset: release });
    return 'retry';
  } catch (writeError) {
    if (writeError instanceof LostClaimError) return 'lost';
    throw writeError;
  }
}

/** An interrupted send the platform cannot look up: not resent; the admins decide. */
export async function giveUp(deps: SendDeps, record: ClaimedDelivery): Promise<SendOutcome> {
  const now = deps.clock();
  const uncertain = { status: 'uncertain' as const, updatedAt: now };
  await updateClaimed(deps.db, record, { $set: uncertain, $unset: RELEASE });
  await alertAdmins(deps.db, record, 'uncertain', now);
  await settleDigest(deps.db, record, now);
  const { kind, workspaceId } = record;
  deps.logger.warn({ code: 'delivery_uncertain', kind, workspaceId }, 'delivery interrupted');
  return 'uncertain';
}

/** No adapter sends proactively on the recipient's platform (the local web chat). */
export async function skip(deps: SendDeps, record: ClaimedDelivery): Promise<SendOutcome> {
  const now = deps.clock();
  const message = `No ${record.recipient.platform} adapter can send proactive messages here.`;
  const skipped = { status: 'skipped' as const, lastError: { code: 'no_notifier', message } };
  await updateClaimed(deps.db, record, { $set: { ...skipped, updatedAt: now }, $unset: RELEASE });
  await settleDigest(deps.db, record, now);
  return 'skipped';
}
