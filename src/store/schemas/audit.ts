import { z } from 'zod';
import { AuditSourceSchema } from './audit-source.js';
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
  source: AuditSourceSchema,
  /**
   * For a change to a case written with a stamp (see programme/cases/audit-stamped-change.ts): the
   * change's key, unique per workspace and case, so a repaired change is audited once.
   */
  changeKey: z.string().max(120).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
