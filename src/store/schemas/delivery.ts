import { z } from 'zod';
import { ObjectIdSchema } from './common.js';
import { StoredReplySchema } from './digest.js';

export const DeliveryKindSchema = z.enum(['digest', 'prompt', 'reminder', 'alert']);
export type DeliveryKind = z.infer<typeof DeliveryKindSchema>;

/** Where a delivery goes: a channel by conversation id, or a person (their direct conversation). */
export const RecipientSchema = z.object({
  platform: z.enum(['slack', 'teams', 'web']),
  kind: z.enum(['channel', 'user']),
  id: z.string().min(1).max(200),
});
export type Recipient = z.infer<typeof RecipientSchema>;

/**
 * pending → sending (claimed, with a lease) → sent. A failed attempt goes back to pending with
 * a later `nextAttemptAt` until the attempts run out (failed). `uncertain`: a send was cut off
 * where the platform cannot tell whether it arrived (Teams): an admin decides, not a repeat.
 */
export const DeliveryStatusSchema = z.enum([
  'pending',
  'sending',
  'sent',
  'failed',
  'uncertain',
  'skipped',
]);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/**
 * One message (or a few, in order) to one recipient, recorded before anything is sent. The unique
 * `idempotencyKey` (source + recipient + occurrence) is what makes a retry or a second instance
 * find the record instead of sending again.
 */
export const DeliverySchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  idempotencyKey: z.string().min(3).max(1200),
  kind: DeliveryKindSchema,
  /** The digest id, prompt id, or reminder subject. */
  sourceId: z.string().max(1000),
  /** For digests: 'channel' or 'lead:<userId>'. */
  part: z.string().max(220).optional(),
  occurrence: z.string().max(60),
  recipient: RecipientSchema,
  /** Content of prompts, reminders and alerts; a digest's is read from the digest. */
  replies: z.array(StoredReplySchema).optional(),
  status: DeliveryStatusSchema,
  attempts: z.number().int().min(0),
  nextAttemptAt: z.date(),
  /** The current claim: a fresh token per claim, so a process that lost its lease cannot write. */
  claim: z.string().max(100).optional(),
  claimedBy: z.string().max(200).optional(),
  leaseUntil: z.date().optional(),
  /** Messages the platform accepted, in order; a resumed delivery starts after them. */
  sentParts: z.number().int().min(0),
  /** The message being sent; equal to `sentParts` while its outcome is not yet known. */
  attemptingPart: z.number().int().min(0).optional(),
  /** The conversation it went to (a person's DM once opened). */
  conversationId: z.string().max(200).optional(),
  /** Platform ids of the messages sent (Slack ts, Teams activity id); the first opens a thread. */
  messageIds: z.array(z.string()).default([]),
  lastError: z.object({ code: z.string().max(100), message: z.string().max(1000) }).optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
  sentAt: z.date().optional(),
});
export type Delivery = z.infer<typeof DeliverySchema>;
