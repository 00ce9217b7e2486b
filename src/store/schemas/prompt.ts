import { z } from 'zod';
import { ActorSchema, IsoDateSchema, ObjectIdSchema, UserIdSchema } from './common.js';
import { PendingAuditSchema } from './pending-audit.js';

const LocalTimeSchema = z.string().regex(/^\d{2}:\d{2}$/);

/**
 * When a coach prompt goes out: once; every n weeks from a local date and time; or n days before
 * each of the group's sub-group meetings, at a local time. Local times are in the programme's zone.
 */
export const PromptScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once'), at: z.date() }),
  z.object({
    kind: z.literal('every'),
    everyWeeks: z.number().int().min(1).max(26),
    startDate: IsoDateSchema,
    time: LocalTimeSchema,
  }),
  z.object({
    kind: z.literal('before_meeting'),
    daysBefore: z.number().int().min(0).max(21),
    time: LocalTimeSchema,
  }),
]);
export type PromptSchedule = z.infer<typeof PromptScheduleSchema>;

/**
 * A coach's prompt to an aim group, or (kind 'question') a question queued for the group's part of
 * the next digest. `number` gives the short id P-<number>.
 */
export const PromptSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  number: z.number().int().min(1),
  kind: z.enum(['prompt', 'question']),
  groupKey: z.string(),
  text: z.string().trim().min(3).max(1000),
  createdBy: ActorSchema,
  schedule: PromptScheduleSchema.optional(),
  status: z.enum(['active', 'done', 'cancelled']),
  /** The last occurrence queued (ISO instant), so each occurrence goes out once. */
  lastOccurrence: z.string().max(40).optional(),
  /** Questions: the digest that asked it. */
  usedInDigest: z.string().max(260).optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** The audit entry of the last change, until it is written (see programme/audit/pending-audit.ts). */
  pendingAudit: PendingAuditSchema.optional(),
});
export type Prompt = z.infer<typeof PromptSchema>;

/** A reply in a prompt's thread, kept for the coach; R-<number>. */
export const PromptResponseSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  number: z.number().int().min(1),
  promptId: z.string(),
  promptNumber: z.number().int().min(1),
  groupKey: z.string(),
  occurrence: z.string().max(40),
  userId: UserIdSchema,
  userName: z.string().max(200),
  text: z.string().max(4000),
  /** The platform event, so a retried event is kept once. */
  eventId: z.string().max(200),
  at: z.date(),
  /** Tests of change it was added to as a note. */
  attachedTo: z.array(z.number().int()).default([]),
});
export type PromptResponse = z.infer<typeof PromptResponseSchema>;
