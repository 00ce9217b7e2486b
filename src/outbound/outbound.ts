import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Logger } from '../log.js';
import { KeyedLimiter, type Slot } from './keyed-limiter.js';
import { backoffMs, DEFAULT_OUTBOUND_POLICY, outboundPolicy, retryAfterMs, type OutboundPolicy } from './outbound-policy.js';

/** What the outbound gate needs to know about one call. */
export interface OutboundCall {
  /** Platform and method or route, for logs (`slack chat.postMessage`); never text, ids of people or tokens. */
  label: string;
  /** The limiter slots it queues for, narrowest first (conversation, then workspace). */
  slots: Slot[];
  /** A file going up or down: the longer timeout. */
  transfer?: boolean;
  /**
   * Whether a try that may have reached the platform (timed out, connection dropped, a 5xx other
   * than 503) may be sent again. False where a repeat could post twice unseen (a delivery job looks
   * for the first message before it sends again). 429 and 503 are always tried again: the platform
   * refused the request without acting on it.
   */
  repeatable: boolean;
  /** Fewer tries than the policy's, for a look-up the caller can do without (it has a fallback). */
  attempts?: number;
}

/**
 * An outbound call that never got a usable answer: every try timed out or lost its connection, or
 * its conversation is stalled (a call there timed out moments ago) and it was not sent at all.
 */
export class OutboundError extends AppError {
  constructor(
    code: 'outbound_timeout' | 'outbound_unreachable' | 'outbound_stalled',
    readonly tries: number,
    cause: unknown,
  ) {
    // A stalled call was never sent: the timeout that stalled it was reported once already.
    super(code, 'Sorry — the chat service is slow to answer right now. Please try again in a minute.', {
      cause,
      reportable: code !== 'outbound_stalled',
    });
  }
}

const REFUSED = new Set([429, 503]);
const timerOff = { ref: false } as const;
/** Stalled keys kept before expired ones are swept out. */
const MAX_STALLED_KEYS = 10_000;

/**
 * The one gate every call to Slack, the Bot Connector and platform file stores goes through: a
 * per-workspace and per-conversation concurrency limit (so a hung workspace or person waits only
 * behind itself), a timeout on every try, and retries with jittered backoff that wait out Retry-After
 * on 429 and 503 — in the one call that got it, never by pausing anyone else. After the last try the
 * platform's answer is handed back (a 429 stays a 429 for the library to report), or an
 * OutboundError thrown; either way one structured warning is logged.
 *
 * A conversation (or workspace) whose call has just timed out in every try is stalled for as long
 * as that call took: its next calls fail at once instead of each holding a chat turn for the same
 * timeouts again — a turn slot held by a hung person is a slot their colleagues wait for.
 */
export class Outbound {
  readonly limiter = new KeyedLimiter();
  /** Narrowest slot key → until when its calls fail at once. */
  private readonly stalled = new Map<string, number>();

  constructor(
    readonly policy: OutboundPolicy,
    private logger?: Logger,
  ) {}

  /** Logs through the app's logger once one is known (jobs may build the gate before the adapters do). */
  useLogger(logger: Logger): void {
    this.logger ??= logger;
  }

  /** The workspace slot, then (when known) the conversation or person inside it: narrowest first. */
  slots(workspace: string, conversation?: string): Slot[] {
    const outer = { key: workspace, limit: this.policy.workspaceConcurrency };
    if (!conversation) return [outer];
    return [{ key: `${workspace}/${conversation}`, limit: this.policy.conversationConcurrency }, outer];
  }

  async fetch(url: string | URL, init: RequestInit, call: OutboundCall): Promise<Response> {
    const { policy } = this;
    const timeoutMs = call.transfer ? policy.transferTimeoutMs : policy.timeoutMs;
    const started = Date.now();
    const key = call.slots[0]?.key;
    this.refuseIfStalled(key, call);
    for (let tries = 1; ; tries += 1) {
      const last = tries >= Math.min(policy.attempts, call.attempts ?? policy.attempts);
      let response: Response;
      try {
        // Started before the slot is taken: waiting behind this key's other calls counts toward
        // the try's timeout, so no call outlives its tries' timeouts however long the queue.
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        response = await this.limiter.run(call.slots, () => fetch(url, { ...init, signal }));
      } catch (error) {
        if (init.signal?.aborted) throw error; // the caller gave up: not ours to retry
        const code = isTimeout(error) ? 'outbound_timeout' : 'outbound_unreachable';
        if (last || !call.repeatable) {
          const elapsedMs = Date.now() - started;
          if (code === 'outbound_timeout' && key) this.stall(key, elapsedMs);
          this.logger?.warn({ code, call: call.label, tries, elapsedMs }, 'outbound call failed');
          throw new OutboundError(code, tries, error);
        }
        await this.pause(call, tries, backoffMs(policy, tries), code);
        continue;
      }
      const refused = REFUSED.has(response.status);
      if (!refused && !(response.status >= 500 && response.status !== 501 && call.repeatable)) return response;
      const asked = refused ? retryAfterMs(response.headers.get('retry-after')) : undefined;
      const wait = asked ?? backoffMs(policy, tries);
      if (last || wait > policy.maxRetryAfterMs) {
        const code = response.status === 429 ? 'outbound_rate_limited' : 'outbound_unavailable';
        const where = { code, call: call.label, status: response.status, tries, retryAfterMs: asked };
        this.logger?.warn({ ...where, elapsedMs: Date.now() - started }, 'outbound call gave up');
        return response;
      }
      await response.body?.cancel().catch(() => {});
      await this.pause(call, tries, wait, `status_${response.status}`);
    }
  }

  private refuseIfStalled(key: string | undefined, call: OutboundCall): void {
    const until = key === undefined ? undefined : this.stalled.get(key);
    if (until === undefined) return;
    if (Date.now() >= until) {
      this.stalled.delete(key!);
      return;
    }
    this.logger?.debug({ code: 'outbound_stalled', call: call.label }, 'outbound call not sent: its conversation is stalled');
    throw new OutboundError('outbound_stalled', 0, undefined);
  }

  private stall(key: string, forMs: number): void {
    const now = Date.now();
    if (this.stalled.size >= MAX_STALLED_KEYS) {
      for (const [stale, until] of this.stalled) if (until <= now) this.stalled.delete(stale);
    }
    this.stalled.set(key, now + forMs);
  }

  private async pause(call: OutboundCall, tries: number, waitMs: number, reason: string): Promise<void> {
    this.logger?.debug({ code: 'outbound_retry', call: call.label, tries, waitMs, reason }, 'outbound call tried again');
    await sleep(waitMs, undefined, timerOff);
  }
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  const causeName = ((error as { cause?: { name?: string } }).cause ?? {}).name;
  return name === 'TimeoutError' || causeName === 'TimeoutError';
}

const byConfig = new WeakMap<object, Outbound>();
let latest: Outbound | undefined;

/**
 * The process's gate for this config: the chat adapters and the jobs built from one config share
 * one limiter, so the per-workspace limit holds across replies and digests.
 */
export function outboundFor(config: Readonly<Config>, logger?: Logger): Outbound {
  let outbound = byConfig.get(config);
  if (!outbound) byConfig.set(config, (outbound = new Outbound(outboundPolicy(config))));
  if (logger) outbound.useLogger(logger);
  latest = outbound;
  return outbound;
}

/**
 * For the few calls made where no config is passed (a response_url, a file-consent upload, a file
 * download): the gate of the app that was built last, or one with the default policy.
 */
export function sharedOutbound(): Outbound {
  return (latest ??= new Outbound(DEFAULT_OUTBOUND_POLICY));
}
