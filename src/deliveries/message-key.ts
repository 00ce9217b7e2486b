import { createHash } from 'node:crypto';

/**
 * The key one message of a delivery carries to the platform (Slack message metadata, an
 * upload's file name): short and opaque, from the delivery's idempotency key and the message's
 * place in it.
 */
export function messageKey(idempotencyKey: string, part: number): string {
  const hash = createHash('sha256').update(idempotencyKey).digest('base64url');
  return `${hash.slice(0, 22)}.${part}`;
}
