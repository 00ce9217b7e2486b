import { createHash } from 'node:crypto';

/**
 * The key one message of a delivery carries to the platform (Slack message metadata, an upload's
 * file name): short and opaque, derived from the delivery's idempotency key and the message's place.
 */
export function messageKey(idempotencyKey: string, part: number): string {
  return `${createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 22)}.${part}`;
}
