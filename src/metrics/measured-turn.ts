import { randomUUID } from 'node:crypto';
import { handleTurn } from '../conversation/lazy-turn.js';
import type { ConversationDeps } from '../conversation/context.js';
import type { Reply, Turn } from '../conversation/turn.js';
import { currentRequestId, withRequestId } from '../request-context.js';
import { measureTurn } from './metrics.js';

/**
 * `handleTurn`, counted and timed for /metrics (pacebot_turns_total, pacebot_turn_duration_seconds).
 * What the adapters call; the conversation core itself knows nothing of metrics. Every log line of the
 * turn carries its request id (src/request-context.ts).
 */
export function measuredHandleTurn(turn: Turn, deps: ConversationDeps): Promise<Reply[]> {
  const run = () => measureTurn(turn.platform, () => handleTurn(turn, deps));
  // Turns that arrive outside an HTTP request (Slack Socket Mode) get a request id of their own.
  return currentRequestId() ? run() : withRequestId(randomUUID(), run);
}
