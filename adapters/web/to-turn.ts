import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { foldOtherValues } from '../../cards/form-values.js';
import type { Turn } from '../../src/conversation/turn.js';
import { LOCAL_WORKSPACE_ID } from '../../src/demo/demo-people.js';
import { ValidationError } from '../../src/errors.js';
import { WebUserIdSchema } from './web-people.js';

export { WebUserIdSchema };

const ActionSchema = z.object({
  verb: z.string().min(1).max(100),
  data: z.record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])).optional(),
  values: z.record(z.string(), z.string().max(10_000)).optional(),
});

/** POST /web/turn: who is speaking, and what they typed or which button or form they used. */
export const WebTurnRequestSchema = z
  .object({
    as: WebUserIdSchema,
    text: z.string().trim().min(1, { message: 'is empty' }).max(4000).optional(),
    action: ActionSchema.optional(),
    /** A local channel (and a message's thread in it) instead of the direct conversation. */
    where: z.object({ conversation: z.string().min(1).max(100), thread: z.string().min(1).max(100).optional() }).strict().optional(),
  })
  .strict()
  .refine((body) => (body.text === undefined) !== (body.action === undefined), {
    message: 'send either text or action, not both',
    path: ['text'],
  });
export type WebTurnRequest = z.infer<typeof WebTurnRequestSchema>;

/** Parses a request body; a bad one becomes a ValidationError naming the first problem. */
export function parseWebTurn(body: unknown): WebTurnRequest {
  const parsed = WebTurnRequestSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'body';
  throw new ValidationError('bad_web_turn', `${field}: ${issue.message}`, { field });
}

/**
 * The local chat's request as a Turn in the `web-local` workspace: in the person's direct
 * conversation, or in a local channel (checked by the route) and, for a reply, the message's thread.
 */
export function toTurn(request: WebTurnRequest, receivedAt: Date, person: { userId: string; name: string }): Turn {
  const action = request.action
    ? {
        verb: request.action.verb,
        ...(request.action.data ? { data: request.action.data } : {}),
        values: foldOtherValues(request.action.values ?? {}),
      }
    : undefined;
  return {
    platform: 'web',
    workspaceId: LOCAL_WORKSPACE_ID,
    user: { id: person.userId, name: person.name },
    conversation: request.where
      ? { id: request.where.conversation, kind: request.where.thread ? 'thread' : 'channel', ...(request.where.thread ? { threadId: request.where.thread } : {}) }
      : { id: `web-${person.userId}`, kind: 'direct' },
    ...(action ? { action } : { text: request.text! }),
    eventId: `web-${randomUUID()}`,
    receivedAt,
  };
}
