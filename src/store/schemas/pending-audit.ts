import { z } from 'zod';
import { AuditSourceSchema } from './audit-source.js';
import { ActorSchema } from './common.js';

/**
 * The audit entry of a change, carried on the changed document in the same write, until the entry
 * itself is written (see programme/audit/pending-audit.ts). A crash between the two leaves it here
 * for the repair sweep; its key makes the entry single however often it is written.
 */
export const PendingAuditSchema = z.object({
  key: z.string().max(120),
  entity: z.enum(['pdsa', 'measure', 'case', 'member', 'group', 'programme', 'prompt']),
  entityId: z.string(),
  action: z.string().max(60),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  actor: ActorSchema,
  source: AuditSourceSchema,
  at: z.date(),
});
export type PendingAudit = z.infer<typeof PendingAuditSchema>;
