import type { Config } from '../config.js';

/** How every outbound call behaves; read from config (OUTBOUND_*), so tests can make it quick. */
export interface OutboundPolicy {
  /** One try of an API call is cut off after this. */
  timeoutMs: number;
  /** One try of a file upload or download is cut off after this. */
  transferTimeoutMs: number;
  /** Tries in all, the first included. */
  attempts: number;
  /** First backoff; doubles per try, with full jitter, up to MAX_BACKOFF_MS. */
  backoffMs: number;
  /** A Retry-After longer than this is not waited out: the call fails at once. */
  maxRetryAfterMs: number;
  workspaceConcurrency: number;
  conversationConcurrency: number;
}

const MAX_BACKOFF_MS = 5_000;

type OutboundConfig = Pick<
  Config,
  | 'OUTBOUND_TIMEOUT_MS'
  | 'OUTBOUND_TRANSFER_TIMEOUT_MS'
  | 'OUTBOUND_ATTEMPTS'
  | 'OUTBOUND_BACKOFF_MS'
  | 'OUTBOUND_MAX_RETRY_AFTER_MS'
  | 'OUTBOUND_WORKSPACE_CONCURRENCY'
  | 'OUTBOUND_CONVERSATION_CONCURRENCY'
>;

export function outboundPolicy(config: OutboundConfig): OutboundPolicy {
  return {
    timeoutMs: config.OUTBOUND_TIMEOUT_MS,
    transferTimeoutMs: config.OUTBOUND_TRANSFER_TIMEOUT_MS,
    attempts: config.OUTBOUND_ATTEMPTS,
    backoffMs: config.OUTBOUND_BACKOFF_MS,
    maxRetryAfterMs: config.OUTBOUND_MAX_RETRY_AFTER_MS,
    workspaceConcurrency: config.OUTBOUND_WORKSPACE_CONCURRENCY,
    conversationConcurrency: config.OUTBOUND_CONVERSATION_CONCURRENCY,
  };
}

/** The defaults of src/config.ts, for a call made where no config reaches (none in the running app). */
export const DEFAULT_OUTBOUND_POLICY: OutboundPolicy = {
  timeoutMs: 10_000,
  transferTimeoutMs: 30_000,
  attempts: 3,
  backoffMs: 250,
  maxRetryAfterMs: 20_000,
  workspaceConcurrency: 16,
  conversationConcurrency: 4,
};

/** Exponential backoff with full jitter, so callers that failed together do not retry together. */
export function backoffMs(policy: OutboundPolicy, failedTries: number, random = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, policy.backoffMs * 2 ** Math.max(0, failedTries - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when
 * absent or unreadable.
 */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  // An HTTP date names its day and month; anything else (a negative number) is not one.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
