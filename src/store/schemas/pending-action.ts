import { z } from 'zod';
import { ObjectIdSchema } from './common.js';

/**
 * Dialog state that must survive between turns and across instances: a parsed milestone statement
 * waiting for Confirm, a duplicate value waiting for "overwrite?". Nothing in it is applied until confirmed.
 */
export const PendingActionSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  userId: z.string(),
  kind: z.string().max(60),
  payload: z.record(z.string(), z.unknown()),
  /** Turn that created it, to audit the source message on confirm. */
  source: z.object({ platform: z.string(), eventId: z.string(), text: z.string().max(4000).optional() }),
  /** `applying`: claimed by a Confirm and being written; past `leaseUntil` the repair sweep finishes it. */
  status: z.enum(['open', 'applying', 'done', 'cancelled']),
  leaseUntil: z.date().optional(),
  createdAt: z.date(),
  expiresAt: z.date(),
  /** When it became `done` or `cancelled`: a week later the retention run deletes it (forget-finished-questions.ts). */
  closedAt: z.date().optional(),
});
export type PendingAction = z.infer<typeof PendingActionSchema>;
