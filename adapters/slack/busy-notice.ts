import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.js';
import { turnsBusyTotal } from '../../src/metrics/metrics.js';
import { BUSY_MESSAGE } from '../../src/turn-queue.js';
import { postMessage } from './post-message.js';
import type { ReplyTarget } from './reply-target.js';

/** One notice covers every turn refused in the same conversation within this window. */
const WINDOW_MS = 60_000;
/** Conversations remembered; the oldest is forgotten first (it may then get a second notice). */
const MAX_REMEMBERED = 10_000;

/**
 * Tells a person their message was not taken on because the instance is busy, through the
 * adapter's ordinary reply path (the thread, or the response_url). A flood of messages in one
 * conversation gets one notice a minute, not one per message, so the notices cannot themselves
 * pile up: at most one call per conversation is ever in flight.
 */
export function createBusyNotices(logger: Logger, now: () => number = Date.now) {
  const told = new Map<string, number>();
  return function tellBusy(client: webApi.WebClient, target: ReplyTarget, workspaceId: string): void {
    turnsBusyTotal.inc({ platform: 'slack' });
    const key = `${workspaceId}:${target.channel}:${target.threadTs ?? ''}`;
    const at = now();
    if ((told.get(key) ?? 0) > at) return;
    told.delete(key);
    if (told.size >= MAX_REMEMBERED) told.delete(told.keys().next().value!);
    told.set(key, at + WINDOW_MS);
    logger.info({ code: 'turn_busy', workspaceId }, 'slack turn refused: busy');
    postMessage(client, target, { text: BUSY_MESSAGE }).catch((error: unknown) => {
      logger.warn({ code: (error as { code?: string }).code ?? 'unknown' }, 'slack busy notice not delivered');
    });
  };
}

export type BusyNotices = ReturnType<typeof createBusyNotices>;
