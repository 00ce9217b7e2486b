import { z } from 'zod';
import { ActorSchema, ObjectIdSchema } from './common.js';

/** One change to anything, append-only: who, when, before, after and where it came from. */
export const AuditEntrySchema = z.object({
  _id: ObjectIdSchema.optional(),
  workspaceId: z.string(),
  at: z.date(),
  actor: ActorSchema,
  entity: z.enum(['case', 'pdsa', 'programme', 'group', 'member', 'measure', 'data_point', 'change_idea', 'prompt', 'meeting']),
  entityId: z.string(),
  action: z.string().max(60),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  source: z.object({
    platform: z.string(),
    eventId: z.string(),
    text: z.string().max(4000).optional(),
    /** A tracker import's file name and the row a change came from; never a cell's text. */
    file: z.string().max(200).optional(),
    row: z.union([z.number(), z.string().max(80)]).optional(),
  }),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
