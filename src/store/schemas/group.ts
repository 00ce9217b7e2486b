import { z } from 'zod';
import { IsoDateSchema, ObjectIdSchema, UserIdSchema } from './common.js';

export const AimSchema = z.object({
  statement: z.string().min(5).max(500),
  /** Measurable target, e.g. "95% within 26 weeks". */
  target: z.string().min(1).max(200),
  targetDate: IsoDateSchema,
  /** Optional numeric target the charts draw, in the key measure's unit. */
  targetValue: z.number().optional(),
  /** The key measure for the aim's progress. */
  measureKey: z.string().optional(),
});
export type Aim = z.infer<typeof AimSchema>;

/** An aim group (sub-group, work stream). */
export const GroupSchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  key: z.string().regex(/^[a-z0-9-]{2,40}$/),
  name: z.string().min(1).max(80),
  aim: AimSchema.optional(),
  leads: z.array(UserIdSchema),
  coaches: z.array(UserIdSchema),
  members: z.array(UserIdSchema),
  channel: z.object({ platform: z.enum(['slack', 'teams', 'web']), conversationId: z.string() }).optional(),
  subgroupEveryWeeks: z.number().int().min(1).max(26).default(3),
  subgroupAnchor: z.object({ date: IsoDateSchema, time: z.string() }).optional(),
  /** Archived: keeps its history but leaves charts and digests. */
  archived: z.boolean().optional(),
  demo: z.boolean().optional(),
  createdAt: z.date(),
});
export type Group = z.infer<typeof GroupSchema>;
